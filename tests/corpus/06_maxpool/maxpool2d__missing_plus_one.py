# kind: wrong
# feedback: the output size is missing its + 1
def maxpool2d(x, kernel_size, stride=None, padding=0):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (ph, pw) = pair(kernel_size), pair(padding)
    sh, sw = pair(kernel_size if stride is None else stride)
    x = F.pad(x, (pw, pw, ph, ph), value=float("-inf"))
    b, c, h, w = x.shape
    s0, s1, s2, s3 = x.stride()
    windows = x.as_strided((b, c, (h - kh) // sh, (w - kw) // sw, kh, kw),
                           (s0, s1, sh * s2, sw * s3, s2, s3), x.storage_offset())
    return windows.amax(dim=(-2, -1))
