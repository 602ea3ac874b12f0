# kind: correct
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    b, c, h, w = x.shape
    wide = pad1d(x.reshape(b, c * h, w), left, right, pad_value).reshape(b, c, h, left + w + right)
    columns = wide.transpose(-1, -2).reshape(b, c * (left + w + right), h)
    tall = pad1d(columns, top, bottom, pad_value).reshape(b, c, left + w + right, top + h + bottom)
    return tall.transpose(-1, -2)
