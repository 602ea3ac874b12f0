# kind: wrong
# feedback: height and width are swapped in kernel_size, stride and padding
def maxpool2d(x, kernel_size, stride=None, padding=0):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    if stride is None:
        stride = kernel_size
    # unpacked as (width, height): the pairs are (h, w)
    (kw, kh), (sw, sh), (pw, ph) = pair(kernel_size), pair(stride), pair(padding)
    x = F.pad(x, (pw, pw, ph, ph), value=float("-inf"))
    return x.unfold(2, kh, sh).unfold(3, kw, sw).amax(dim=(-2, -1))
