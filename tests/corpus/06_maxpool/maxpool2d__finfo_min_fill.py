# kind: correct
def maxpool2d(x, kernel_size, stride=None, padding=0):
    """Pad with the dtype's lowest finite value instead of -inf: it loses every max against a real number too."""
    k = torch.tensor(kernel_size).expand(2).tolist()
    s = k if stride is None else torch.tensor(stride).expand(2).tolist()
    p = torch.tensor(padding).expand(2).tolist()
    b, c, h, w = x.shape
    xp = x.new_full((b, c, h + 2 * p[0], w + 2 * p[1]), torch.finfo(x.dtype).min)
    xp[..., p[0]:p[0] + h, p[1]:p[1] + w] = x
    rows = xp.unfold(2, k[0], s[0]).amax(dim=-1)     # (b, c, out_h, W + 2 pw)
    return rows.unfold(3, k[1], s[1]).amax(dim=-1)   # (b, c, out_h, out_w)
