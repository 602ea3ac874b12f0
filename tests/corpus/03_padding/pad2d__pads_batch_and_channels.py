# kind: wrong
# feedback: Likely mistake: padded the batch and channel axes
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    b, c, h, w = x.shape
    out = x.new_full((top + b + bottom, left + c + right, h, w), pad_value)
    out[top:top + b, left:left + c] = x
    return out
