# kind: wrong
# feedback: Likely mistake: padded with 0 instead of pad_value
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    out = x.new_zeros((*x.shape[:-1], left + x.shape[-1] + right))
    out[..., left:left + x.shape[-1]] = x
    return out
