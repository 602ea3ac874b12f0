# kind: correct
def conv2d(x: torch.Tensor, weights: torch.Tensor, stride=1, padding=0) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    oc, ic, kh, kw = weights.shape
    b, _, h, w = x.shape
    sh, sw = force_pair(stride)
    ph, pw = force_pair(padding)
    cols = F.unfold(x, (kh, kw), padding=(ph, pw), stride=(sh, sw))
    out_h, out_w = (h + 2 * ph - kh) // sh + 1, (w + 2 * pw - kw) // sw + 1
    return (weights.reshape(oc, -1) @ cols).reshape(b, oc, out_h, out_w)
