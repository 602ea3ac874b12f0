# kind: wrong
# feedback: start it at x.storage_offset()
def maxpool2d(x, kernel_size, stride=None, padding=0):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (ph, pw) = pair(kernel_size), pair(padding)
    sh, sw = pair(kernel_size if stride is None else stride)
    if ph or pw:
        x = F.pad(x, (pw, pw, ph, ph), value=float("-inf"))
    b, c, h, w = x.shape
    s0, s1, s2, s3 = x.stride()
    windows = x.as_strided((b, c, (h - kh) // sh + 1, (w - kw) // sw + 1, kh, kw),
                           (s0, s1, sh * s2, sw * s3, s2, s3), 0)
    return windows.amax(dim=(-2, -1))
