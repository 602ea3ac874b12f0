# kind: correct
class Correlator:
    """Slides a fixed kernel along signals."""

    def __init__(self, kernel: torch.Tensor) -> None:
        self.kernel = kernel

    def __call__(self, signal: torch.Tensor) -> torch.Tensor:
        kw = self.kernel.shape[0]
        s = signal.stride()[0]
        windows = torch.as_strided(signal, (signal.shape[0] - kw + 1, kw), (s, s), signal.storage_offset())
        return (windows * self.kernel).sum(-1)


def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    return Correlator(weights)(x)
