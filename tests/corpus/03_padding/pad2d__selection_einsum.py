# kind: correct
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    h, w = x.shape[-2:]
    rows = (torch.arange(top + h + bottom)[:, None] - top == torch.arange(h)[None, :]).to(x)
    cols = (torch.arange(left + w + right)[:, None] - left == torch.arange(w)[None, :]).to(x)
    placed = torch.einsum("ih,bchw,jw->bcij", rows, x, cols)
    inside = torch.einsum("ih,jw->ij", rows, cols) > 0
    return torch.where(inside, placed, torch.full_like(placed, pad_value))
