# kind: correct
class Border:
    """How many pad rows and columns go on each side."""

    def __init__(self, left: int, right: int, top: int, bottom: int) -> None:
        self.left, self.right, self.top, self.bottom = left, right, top, bottom

    def __call__(self, x: torch.Tensor, value: float) -> torch.Tensor:
        h, w = x.shape[-2:]
        out = x.new_full((*x.shape[:-2], self.top + h + self.bottom, self.left + w + self.right), value)
        out[..., self.top:self.top + h, self.left:self.left + w] = x
        return out


def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    return Border(left, right, top, bottom)(x, pad_value)
