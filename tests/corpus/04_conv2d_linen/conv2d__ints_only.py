# kind: wrong
# feedback: TypeError
def conv2d(x: torch.Tensor, weights: torch.Tensor, stride=1, padding=0) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    x = F.pad(x, (padding, padding, padding, padding))
    b, ic, h, w = x.shape
    _, _, kh, kw = weights.shape
    out_h, out_w = (h - kh) // stride + 1, (w - kw) // stride + 1
    s_b, s_c, s_h, s_w = x.stride()
    windows = x.as_strided((b, ic, out_h, out_w, kh, kw), (s_b, s_c, s_h * stride, s_w * stride, s_h, s_w))
    return torch.einsum("bcijuv,ocuv->boij", windows, weights)
