# kind: correct
from einops import reduce


def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    windows = x.unfold(dimension=0, size=weights.numel(), step=1)
    return reduce(windows * weights, "t k -> t", "sum")
