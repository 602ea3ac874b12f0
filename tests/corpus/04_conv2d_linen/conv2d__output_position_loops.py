# kind: correct
def conv2d(x: torch.Tensor, weights: torch.Tensor, stride=1, padding=0) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    (sh, sw), (ph, pw) = force_pair(stride), force_pair(padding)
    x = F.pad(x, (pw, pw, ph, ph))
    b, _, h, w = x.shape
    oc, _, kh, kw = weights.shape
    out = x.new_zeros(b, oc, (h - kh) // sh + 1, (w - kw) // sw + 1)
    for i in range(out.shape[2]):
        for j in range(out.shape[3]):
            patch = x[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw]           # (b, ic, kh, kw)
            out[:, :, i, j] = torch.einsum("bcuv,ocuv->bo", patch, weights)
    return out
