# kind: wrong
# feedback: create the output with x's dtype
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    b, c, h, w = x.shape
    out = torch.full((b, c, top + h + bottom, left + w + right), pad_value, device=x.device)
    out[:, :, top:top + h, left:left + w] = x
    return out
