# kind: correct
def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    kw = weights.shape[-1]
    windows = torch.stack([x[t:t + kw] for t in range(x.shape[-1] - kw + 1)])
    return torch.tensordot(windows, weights, dims=1)
