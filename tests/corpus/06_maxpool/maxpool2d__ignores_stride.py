# kind: wrong
# feedback: the stride argument is ignored
def maxpool2d(x, kernel_size, stride=None, padding=0):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (ph, pw) = pair(kernel_size), pair(padding)
    x = F.pad(x, (pw, pw, ph, ph), value=float("-inf"))
    # non-overlapping windows: stride = kernel
    return x.unfold(2, kh, kh).unfold(3, kw, kw).amax(dim=(-2, -1))
