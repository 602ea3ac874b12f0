# kind: correct
from __future__ import annotations


def sliding_windows(signal: torch.Tensor, width: int) -> torch.Tensor:
    """All windows of `signal` of the given width, as a view (rows overlap in memory)."""
    assert signal.dim() == 1, "expected a 1-D signal"
    step = signal.stride(0)
    return signal.as_strided((signal.shape[0] - width + 1, width), (step, step))


def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    return sliding_windows(x, weights.shape[0]) @ weights
