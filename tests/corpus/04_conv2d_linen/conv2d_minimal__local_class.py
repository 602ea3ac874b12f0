# kind: correct
class WindowView:
    """The (b, ic, out_h, out_w, kh, kw) windows of an image batch, as an as_strided view."""

    def __init__(self, kh: int, kw: int) -> None:
        self.kh, self.kw = kh, kw

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        b, ic, h, w = x.shape
        s = x.stride()
        return x.as_strided((b, ic, h - self.kh + 1, w - self.kw + 1, self.kh, self.kw), (*s, s[2], s[3]))


def conv2d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv2d(x, weights) for x (b, ic, h, w), weights (oc, ic, kh, kw): stride 1, no padding, no bias."""
    windows = WindowView(*weights.shape[2:])(x)
    return torch.tensordot(windows, weights, dims=([1, 4, 5], [1, 2, 3])).permute(0, 3, 1, 2)
