# kind: correct
def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    h, w = x.shape[-2:]
    rows = torch.arange(-top, h + bottom, device=x.device)
    cols = torch.arange(-left, w + right, device=x.device)
    inside = ((rows >= 0) & (rows < h))[:, None] & ((cols >= 0) & (cols < w))[None, :]
    taken = x[..., rows.clamp(0, h - 1)[:, None], cols.clamp(0, w - 1)[None, :]]
    return taken.masked_fill(~inside, pad_value)
