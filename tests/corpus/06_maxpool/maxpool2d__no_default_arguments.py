# kind: wrong
# feedback: stride and padding have defaults
def maxpool2d(x, kernel_size, stride, padding):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (ph, pw) = pair(kernel_size), pair(padding)
    sh, sw = pair(kernel_size if stride is None else stride)
    x = F.pad(x, (pw, pw, ph, ph), value=float("-inf"))
    return x.unfold(2, kh, sh).unfold(3, kw, sw).amax(dim=(-2, -1))
