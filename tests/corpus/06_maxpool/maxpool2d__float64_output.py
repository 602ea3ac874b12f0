# kind: wrong
# feedback: keep the input's dtype
def maxpool2d(x, kernel_size, stride=None, padding=0):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (ph, pw) = pair(kernel_size), pair(padding)
    sh, sw = pair(kernel_size if stride is None else stride)
    b, c, h, w = x.shape
    xp = torch.full((b, c, h + 2 * ph, w + 2 * pw), float("-inf"), dtype=torch.float64, device=x.device)
    xp[:, :, ph:ph + h, pw:pw + w] = x
    return xp.unfold(2, kh, sh).unfold(3, kw, sw).amax(dim=(-2, -1))
