# kind: correct
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    h, w = x.shape[-2:]
    out = torch.full((*x.shape[:-2], top + h + bottom, left + w + right), pad_value, dtype=x.dtype, device=x.device)
    out[..., top:-bottom or None, left:-right or None] = x
    return out
