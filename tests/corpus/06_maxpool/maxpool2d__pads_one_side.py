# kind: wrong
# feedback: all the padding went before the data
def maxpool2d(x, kernel_size, stride=None, padding=0):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (ph, pw) = pair(kernel_size), pair(padding)
    sh, sw = pair(kernel_size if stride is None else stride)
    x = F.pad(x, (2 * pw, 0, 2 * ph, 0), value=float("-inf"))  # all the padding before the data
    return x.unfold(2, kh, sh).unfold(3, kw, sw).amax(dim=(-2, -1))
