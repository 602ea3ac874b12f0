# kind: correct
def _as_pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def maxpool2d(x, kernel_size, stride=None, padding=0, reduction="amax"):
    """The reduction is looked up by name, as a generic pooling helper would do."""
    (kh, kw), (ph, pw) = _as_pair(kernel_size), _as_pair(padding)
    sh, sw = (kh, kw) if stride is None else _as_pair(stride)
    b, c, h, w = x.shape
    padded = x.new_full((b, c, h + 2 * ph, w + 2 * pw), float("-inf"))
    padded[:, :, ph:ph + h, pw:pw + w] = x
    windows = padded.unfold(2, kh, sh).unfold(3, kw, sw)  # (b, c, out_h, out_w, kh, kw)
    reduce = getattr(torch, "".join(reduction))
    return reduce(windows.flatten(-2), dim=-1)
