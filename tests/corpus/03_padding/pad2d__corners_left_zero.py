# kind: wrong
# feedback: values are wrong
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    h, w = x.shape[-2:]
    out = x.new_zeros((*x.shape[:-2], top + h + bottom, left + w + right))
    out[..., top:top + h, left:left + w] = x
    out[..., :top, left:left + w] = pad_value
    out[..., top + h:, left:left + w] = pad_value
    out[..., top:top + h, :left] = pad_value
    out[..., top:top + h, left + w:] = pad_value
    return out
