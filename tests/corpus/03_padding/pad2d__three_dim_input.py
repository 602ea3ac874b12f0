# kind: wrong
# feedback: raised ValueError
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    b, h, w = x.shape
    out = x.new_full((b, top + h + bottom, left + w + right), pad_value)
    out[:, top:top + h, left:left + w] = x
    return out
