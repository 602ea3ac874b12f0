# kind: correct
import functools
import operator


def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    kw = weights.shape[2]
    n = x.shape[2] - kw + 1
    terms = [torch.einsum("nct,oc->not", x[:, :, k:k + n], weights[:, :, k]) for k in range(kw)]
    return functools.reduce(operator.add, terms)
