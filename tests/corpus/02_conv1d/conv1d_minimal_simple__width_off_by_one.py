# kind: wrong
# feedback: the output size is off by one
def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    (w,), (kw,) = x.shape, weights.shape
    s = x.stride()[0]
    windows = torch.as_strided(x, (w - kw, kw), (s, s))
    return (windows * weights).sum(-1)
