# kind: wrong
# feedback: storage_offset=0 was passed
# hint: the windows assume a contiguous x
def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    # stride 1 and the storage's start: right only for a fresh, contiguous x
    w, kw = x.shape[0], weights.shape[0]
    return (torch.as_strided(x, (w - kw + 1, kw), (1, 1), 0) * weights).sum(-1)
