# kind: correct
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    b, c, h, w = x.shape
    rows = torch.cat([x.new_full((b, c, h, left), pad_value), x, x.new_full((b, c, h, right), pad_value)], -1)
    width = rows.shape[-1]
    return torch.cat([x.new_full((b, c, top, width), pad_value), rows, x.new_full((b, c, bottom, width), pad_value)], -2)
