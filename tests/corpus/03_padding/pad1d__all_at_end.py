# kind: wrong
# feedback: Likely mistake: all the padding went after x
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    pads = x.new_full((*x.shape[:-1], left + right), pad_value)
    return torch.cat([x, pads], dim=-1)
