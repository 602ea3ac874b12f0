# kind: wrong
# feedback: the output size is off by one
def conv2d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv2d(x, weights) for x (b, ic, h, w), weights (oc, ic, kh, kw): stride 1, no padding, no bias."""
    b, ic, h, w = x.shape
    _, _, kh, kw = weights.shape
    s_b, s_c, s_h, s_w = x.stride()
    windows = x.as_strided((b, ic, h - kh, w - kw, kh, kw), (s_b, s_c, s_h, s_w, s_h, s_w))
    return torch.einsum("bcijuv,ocuv->boij", windows, weights)
