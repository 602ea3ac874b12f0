# kind: correct
def pair_of(value):
    match value:
        case int():
            return value, value
        case (int() as first, int() as second):
            return first, second
    raise ValueError(f"expected an int or a pair, got {value!r}")


def conv2d(x: torch.Tensor, weights: torch.Tensor, stride=1, padding=0) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    (sh, sw), (ph, pw) = pair_of(stride), pair_of(padding)
    x = F.pad(x, [pw, pw, ph, ph])
    kh, kw = weights.shape[2:]
    out_h, out_w = (x.shape[2] - kh) // sh + 1, (x.shape[3] - kw) // sw + 1
    s = x.stride()
    windows = torch.as_strided(x, (*x.shape[:2], out_h, out_w, kh, kw), (s[0], s[1], s[2] * sh, s[3] * sw, s[2], s[3]))
    return torch.einsum("bcijuv,ocuv->boij", windows, weights)
