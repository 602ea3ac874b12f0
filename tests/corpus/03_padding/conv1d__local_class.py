# kind: correct
class Windows:
    """The length-k windows of a padded signal, `stride` apart, as a strided view."""

    def __init__(self, padded: torch.Tensor, k: int, stride: int) -> None:
        self.padded, self.k, self.stride = padded, k, stride

    def __call__(self) -> torch.Tensor:
        b, c, w = self.padded.shape
        count = (w - self.k) // self.stride + 1
        s_b, s_c, s_w = self.padded.stride()
        return torch.as_strided(self.padded, (b, c, count, self.k), (s_b, s_c, self.stride * s_w, s_w),
                                self.padded.storage_offset())


def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    windows = Windows(pad1d(x, padding, padding, 0.0), weights.shape[-1], stride)()
    return (windows.unsqueeze(1) * weights[None, :, :, None, :]).sum(dim=(2, 4))
