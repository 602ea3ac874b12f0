# kind: correct
import functools
import itertools
import operator


def conv2d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv2d(x, weights) for x (b, ic, h, w), weights (oc, ic, kh, kw): stride 1, no padding, no bias."""
    kh, kw = weights.shape[2], weights.shape[3]
    out_h, out_w = x.shape[2] - kh + 1, x.shape[3] - kw + 1
    terms = (torch.einsum("bchw,oc->bohw", x[:, :, u:u + out_h, v:v + out_w], weights[:, :, u, v])
             for u, v in itertools.product(range(kh), range(kw)))
    return functools.reduce(operator.add, terms)
