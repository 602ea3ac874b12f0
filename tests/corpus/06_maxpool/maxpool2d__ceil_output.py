# kind: wrong
# feedback: rounds up (ceil) instead of down (floor)
def maxpool2d(x, kernel_size, stride=None, padding=0):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (ph, pw) = pair(kernel_size), pair(padding)
    sh, sw = pair(kernel_size if stride is None else stride)
    b, c, h, w = x.shape
    out_h = math.ceil((h + 2 * ph - kh) / sh) + 1
    out_w = math.ceil((w + 2 * pw - kw) / sw) + 1
    # pad enough on the bottom/right that the last, incomplete window fits
    extra_h = (out_h - 1) * sh + kh - (h + 2 * ph)
    extra_w = (out_w - 1) * sw + kw - (w + 2 * pw)
    x = F.pad(x, (pw, pw + extra_w, ph, ph + extra_h), value=float("-inf"))
    s0, s1, s2, s3 = x.stride()
    windows = x.as_strided((b, c, out_h, out_w, kh, kw), (s0, s1, sh * s2, sw * s3, s2, s3), x.storage_offset())
    return windows.amax(dim=(-2, -1))
