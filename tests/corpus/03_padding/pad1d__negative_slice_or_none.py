# kind: correct
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    out = torch.full((*x.shape[:-1], left + x.shape[-1] + right), pad_value, dtype=x.dtype, device=x.device)
    out[..., left:-right or None] = x
    return out
