# kind: correct
pair = lambda v: (v, v) if isinstance(v, int) else tuple(v)
print("maxpool2d: stacking the window offsets, then max over them")


def maxpool2d(x, kernel_size, stride=None, padding=0):
    (kh, kw), (ph, pw) = pair(kernel_size), pair(padding)
    sh, sw = pair(kernel_size) if stride is None else pair(stride)
    xp = F.pad(x, [pw, pw, ph, ph], value=float("-inf"))
    oh, ow = (xp.shape[-2] - kh) // sh + 1, (xp.shape[-1] - kw) // sw + 1
    grab = lambda i, j: xp[..., i:i + (oh - 1) * sh + 1:sh, j:j + (ow - 1) * sw + 1:sw]
    stacked = torch.stack([grab(i, j) for i in range(kh) for j in range(kw)])
    return stacked.max(dim=0).values
