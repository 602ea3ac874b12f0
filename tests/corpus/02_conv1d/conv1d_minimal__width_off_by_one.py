# kind: wrong
# feedback: the output size is off by one
def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    b, ic, w = x.shape
    kw = weights.shape[-1]
    s_b, s_c, s_w = x.stride()
    windows = torch.as_strided(x, (b, ic, w - kw, kw), (s_b, s_c, s_w, s_w))
    return torch.einsum("nctk,ock->not", windows, weights)
