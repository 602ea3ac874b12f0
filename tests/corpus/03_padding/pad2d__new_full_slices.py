# kind: correct
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    *batch, height, width = x.shape
    out = x.new_full((*batch, top + height + bottom, left + width + right), pad_value)
    out[..., top:top + height, left:left + width] = x
    return out
