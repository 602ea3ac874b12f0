# kind: correct
def conv2d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv2d(x, weights) for x (b, ic, h, w), weights (oc, ic, kh, kw): stride 1, no padding, no bias."""
    match x.shape, weights.shape:
        case (b, ic, h, w), (oc, _, kh, kw):
            s_b, s_c, s_h, s_w = x.stride()
            windows = x.as_strided((b, ic, h - kh + 1, w - kw + 1, kh, kw), (s_b, s_c, s_h, s_w, s_h, s_w))
            return torch.einsum("bcijuv,ocuv->boij", windows, weights)
    raise ValueError("x must be (b, ic, h, w) and weights (oc, ic, kh, kw)")
