# kind: wrong
# feedback: values are wrong
def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    b, ic, w = x.shape
    kw = weights.shape[-1]
    s_b, s_c, s_w = x.stride()
    windows = torch.as_strided(x, (ic, w - kw + 1, kw), (s_c, s_w, s_w))   # the windows of x[0]
    out = torch.einsum("ctk,ock->ot", windows, weights)
    return out.expand(b, *out.shape)
