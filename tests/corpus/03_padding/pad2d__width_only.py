# kind: wrong
# feedback: Likely mistake: only the width was padded
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    b, c, h, w = x.shape
    out = x.new_full((b, c, h, left + w + right), pad_value)
    out[..., left:left + w] = x
    return out
