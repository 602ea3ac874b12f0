# kind: correct
def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    n = x.shape[0] - weights.shape[0] + 1
    step = x.stride(0)
    windows = x.as_strided(size=(n, weights.shape[0]), stride=(step, step))
    return (windows * weights[None, :]).sum(dim=1)
