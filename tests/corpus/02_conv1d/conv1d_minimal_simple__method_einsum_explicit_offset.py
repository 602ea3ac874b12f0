# kind: correct
def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    w, kw = x.shape[0], weights.shape[0]
    windows = x.as_strided([w - kw + 1, kw], [x.stride(0), x.stride(0)], x.storage_offset())
    return torch.einsum("tk,k->t", windows, weights)
