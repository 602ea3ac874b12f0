# kind: wrong
# feedback: expected shape
# hint: the input channels are not summed
def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    b, ic, w = x.shape
    kw = weights.shape[-1]
    s_b, s_c, s_w = x.stride()
    windows = torch.as_strided(x, (b, ic, w - kw + 1, kw), (s_b, s_c, s_w, s_w))
    return (windows[:, None] * weights[None, :, :, None, :]).sum(dim=-1)
