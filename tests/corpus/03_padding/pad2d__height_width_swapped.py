# kind: wrong
# feedback: Likely mistake: height and width are swapped
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    h, w = x.shape[-2:]
    out = x.new_full((*x.shape[:-2], left + h + right, top + w + bottom), pad_value)
    out[..., left:left + h, top:top + w] = x
    return out
