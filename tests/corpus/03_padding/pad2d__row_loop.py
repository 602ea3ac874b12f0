# kind: correct
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    b, c, h, w = x.shape
    out = torch.full((b, c, top + h + bottom, left + w + right), pad_value, dtype=x.dtype, device=x.device)
    for row in range(h):
        out[:, :, top + row, left:left + w] = x[:, :, row, :]
    return out
