# kind: wrong
# feedback: not an array
def maxpool2d(x, kernel_size, stride=None, padding=0):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (ph, pw) = pair(kernel_size), pair(padding)
    sh, sw = pair(kernel_size if stride is None else stride)
    x = F.pad(x, (pw, pw, ph, ph), value=float("-inf"))
    windows = x.unfold(2, kh, sh).unfold(3, kw, sw).flatten(-2)
    values, where = windows.max(dim=-1)
    return values, where  # like torch.max: the maxima and where they are
