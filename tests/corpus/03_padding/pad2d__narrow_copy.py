# kind: correct
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    h, w = x.shape[-2], x.shape[-1]
    out = x.new_empty((x.shape[0], x.shape[1], top + h + bottom, left + w + right)).fill_(pad_value)
    out.narrow(2, top, h).narrow(3, left, w).copy_(x)
    return out
