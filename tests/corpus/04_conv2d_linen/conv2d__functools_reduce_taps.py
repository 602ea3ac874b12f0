# kind: correct
import functools
import itertools
import operator


def conv2d(x: torch.Tensor, weights: torch.Tensor, stride=1, padding=0) -> torch.Tensor:
    """Return F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or pairs."""
    (sh, sw), (ph, pw) = force_pair(stride), force_pair(padding)
    kh, kw = weights.shape[-2:]
    x = F.pad(x, (pw, pw, ph, ph))
    out_h, out_w = (x.shape[2] - kh) // sh + 1, (x.shape[3] - kw) // sw + 1

    def tap(u, v):
        rows = x[:, :, u:u + (out_h - 1) * sh + 1:sh, v:v + (out_w - 1) * sw + 1:sw]
        return torch.einsum("bchw,oc->bohw", rows, weights[:, :, u, v])

    return functools.reduce(operator.add, itertools.starmap(tap, itertools.product(range(kh), range(kw))))
