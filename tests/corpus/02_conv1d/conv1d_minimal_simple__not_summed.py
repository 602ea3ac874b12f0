# kind: wrong
# feedback: each window still needs summing
def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    w, kw = x.shape[0], weights.shape[0]
    s = x.stride()[0]
    return torch.as_strided(x, (w - kw + 1, kw), (s, s)) * weights
