# kind: wrong
# feedback: strides worked out for a contiguous tensor
def maxpool2d(x, kernel_size, stride=None, padding=0):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (ph, pw) = pair(kernel_size), pair(padding)
    sh, sw = pair(kernel_size if stride is None else stride)
    if ph or pw:
        x = F.pad(x, (pw, pw, ph, ph), value=float("-inf"))
    b, c, h, w = x.shape
    windows = x.as_strided((b, c, (h - kh) // sh + 1, (w - kw) // sw + 1, kh, kw),
                           (c * h * w, h * w, sh * w, sw, w, 1), x.storage_offset())
    return windows.amax(dim=(-2, -1))
