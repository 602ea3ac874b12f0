# kind: correct
class StridedConv:
    """A 2-D convolution with fixed stride and padding pairs."""

    def __init__(self, stride, padding) -> None:
        self.stride, self.padding = force_pair(stride), force_pair(padding)

    def __call__(self, x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
        (sh, sw), (ph, pw) = self.stride, self.padding
        x = F.pad(x, (pw, pw, ph, ph))
        windows = x.unfold(2, weights.shape[2], sh).unfold(3, weights.shape[3], sw)
        return torch.tensordot(windows, weights, dims=([1, 4, 5], [1, 2, 3])).permute(0, 3, 1, 2)


def conv2d(x: torch.Tensor, weights: torch.Tensor, stride=1, padding=0) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    return StridedConv(stride, padding)(x, weights)
