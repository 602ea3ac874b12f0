# kind: correct
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    out = x.new_full((x.shape[0], x.shape[1], left + x.shape[2] + right), pad_value)
    positions = torch.arange(left, left + x.shape[2], device=x.device)
    return out.index_copy(2, positions, x.contiguous())
