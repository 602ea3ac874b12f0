# kind: wrong
# feedback: the windows assume a contiguous x
def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    b, ic, w = x.shape
    kw = weights.shape[-1]
    windows = torch.as_strided(x, (b, ic, w - kw + 1, kw), (ic * w, w, 1, 1))
    return torch.einsum("nctk,ock->not", windows, weights)
