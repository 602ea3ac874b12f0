# kind: wrong
# feedback: Likely mistake: top and bottom are swapped
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    h, w = x.shape[-2:]
    out = x.new_full((*x.shape[:-2], top + h + bottom, left + w + right), pad_value)
    out[..., bottom:bottom + h, left:left + w] = x
    return out
