# kind: wrong
# feedback: expected shape
# hint: summed over dim 0
def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    (w,), (kw,) = x.shape, weights.shape
    s = x.stride()[0]
    windows = torch.as_strided(x, (w - kw + 1, kw), (s, s))
    return (windows * weights).sum(0)
