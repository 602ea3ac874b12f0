# kind: correct
def conv2d(x: torch.Tensor, weights: torch.Tensor, stride=1, padding=0) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    (sh, sw), (ph, pw) = force_pair(stride), force_pair(padding)
    oc, ic, kh, kw = weights.shape
    x = F.pad(x, [pw, pw, ph, ph])
    out_h = (x.shape[2] - kh) // sh + 1
    out_w = (x.shape[3] - kw) // sw + 1
    out = x.new_zeros(x.shape[0], oc, out_h, out_w)
    for u in range(kh):
        for v in range(kw):
            rows = x[:, :, u:u + (out_h - 1) * sh + 1:sh, v:v + (out_w - 1) * sw + 1:sw]
            out += torch.einsum("bchw,oc->bohw", rows, weights[:, :, u, v])
    return out
