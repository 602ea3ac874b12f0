# kind: wrong
# feedback: expected shape (2, 3, 10), got (2, 3, 6)
# hint: the `right` pad elements are missing
def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    width = x.shape[-1]
    out = x.new_full((*x.shape[:-1], left + width), pad_value)
    out[..., left:] = x
    return out
