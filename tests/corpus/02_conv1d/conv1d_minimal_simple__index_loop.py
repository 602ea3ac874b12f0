# kind: correct
def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    kw = weights.shape[0]
    return torch.stack([(x[t:t + kw] * weights).sum() for t in range(x.shape[0] - kw + 1)])
