# kind: wrong
# feedback: the windows assume a contiguous x
def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    (w,), (kw,) = x.shape, weights.shape
    windows = torch.as_strided(x, (w - kw + 1, kw), (1, 1))
    return (windows * weights).sum(-1)
