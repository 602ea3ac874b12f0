# kind: wrong
# feedback: the as_strided view reaches past the end of x's memory
def conv2d(x: torch.Tensor, weights: torch.Tensor, stride=1, padding=0) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    (sh, sw), (ph, pw) = force_pair(stride), force_pair(padding)
    x = F.pad(x, (pw, pw, ph, ph))
    b, ic, h, w = x.shape
    _, _, kh, kw = weights.shape
    out_h, out_w = (h - kh) // sh + 1, (w - kw) // sw + 1
    s_b, s_c, s_h, s_w = x.stride()
    # the stride multiplies the kernel axes too: the window's own rows and columns are spread apart
    strides = (s_b, s_c, s_h * sh, s_w * sw, s_h * sh, s_w * sw)
    windows = x.as_strided((b, ic, out_h, out_w, kh, kw), strides)
    return torch.einsum("bcijuv,ocuv->boij", windows, weights)
