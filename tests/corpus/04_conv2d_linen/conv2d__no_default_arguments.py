# kind: wrong
# feedback: missing 1 required positional argument: 'padding'
def conv2d(x: torch.Tensor, weights: torch.Tensor, stride, padding) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    (sh, sw), (ph, pw) = force_pair(stride), force_pair(padding)
    x = F.pad(x, (pw, pw, ph, ph))
    b, ic, h, w = x.shape
    _, _, kh, kw = weights.shape
    s_b, s_c, s_h, s_w = x.stride()
    windows = x.as_strided((b, ic, (h - kh) // sh + 1, (w - kw) // sw + 1, kh, kw), (s_b, s_c, s_h * sh, s_w * sw, s_h, s_w))
    return torch.einsum("bcijuv,ocuv->boij", windows, weights)
