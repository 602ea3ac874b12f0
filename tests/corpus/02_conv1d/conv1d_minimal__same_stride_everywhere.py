# kind: wrong
# feedback: reaches past the end of x's memory
def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    b, ic, w = x.shape
    kw = weights.shape[-1]
    s_w = x.stride()[-1]
    # batch and channel strides computed from the width stride: right only for a contiguous x
    windows = torch.as_strided(x, (b, ic, w - kw + 1, kw), (ic * w * s_w, w * s_w, s_w, s_w))
    return torch.einsum("nctk,ock->not", windows, weights)
