# kind: wrong
# feedback: a slice like [left:-right] or [top:-bottom] is empty when right or bottom == 0
# hint: is empty when right == 0
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    h, w = x.shape[-2:]
    out = x.new_full((*x.shape[:-2], top + h + bottom, left + w + right), pad_value)
    out[..., top:top + h, left:-right] = x
    return out
