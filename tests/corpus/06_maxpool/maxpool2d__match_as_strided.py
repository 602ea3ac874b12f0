# kind: correct
def maxpool2d(x: torch.Tensor, kernel_size, stride=None, padding=0) -> torch.Tensor:
    """Pairs through a match statement, then one as_strided window view of the -inf padded input."""

    def pair(v):
        match v:
            case int():
                return v, v
            case (a, b):
                return a, b
        raise TypeError(f"expected an int or an (h, w) pair, got {v!r}")

    kh, kw = pair(kernel_size)
    sh, sw = pair(kernel_size if stride is None else stride)
    ph, pw = pair(padding)
    if ph or pw:
        x = F.pad(x, (pw, pw, ph, ph), value=float("-inf"))
    b, c, h, w = x.shape
    s0, s1, s2, s3 = x.stride()
    size = (b, c, (h - kh) // sh + 1, (w - kw) // sw + 1, kh, kw)
    windows = x.as_strided(size, (s0, s1, sh * s2, sw * s3, s2, s3), x.storage_offset())
    return windows.amax(dim=(-2, -1))
