# kind: wrong
# feedback: reaches past the end of x's memory
def conv2d(x: torch.Tensor, weights: torch.Tensor, stride=1, padding=0) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    stride_h, stride_w = force_pair(stride)
    pad_h, pad_w = force_pair(padding)
    x = F.pad(x, (pad_w, pad_w, pad_h, pad_h))
    b, ic, h, w = x.shape
    _, _, kh, kw = weights.shape
    out_h, out_w = -(-(h - kh) // stride_h) + 1, -(-(w - kw) // stride_w) + 1
    s_b, s_c, s_h, s_w = x.stride()
    windows = x.as_strided((b, ic, out_h, out_w, kh, kw), (s_b, s_c, s_h * stride_h, s_w * stride_w, s_h, s_w))
    return torch.einsum("bcijuv,ocuv->boij", windows, weights)
