# kind: correct
class ConstantPadder:
    """Pads the last axis of a tensor with a constant."""

    def __init__(self, left: int, right: int, value: float) -> None:
        self.left, self.right, self.value = left, right, value

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        width = x.shape[-1]
        out = x.new_full((*x.shape[:-1], self.left + width + self.right), self.value)
        out[..., self.left:self.left + width] = x
        return out


def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    return ConstantPadder(left, right, pad_value)(x)
