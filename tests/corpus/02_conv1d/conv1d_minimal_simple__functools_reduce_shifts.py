# kind: correct
import functools
import operator


def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    n = x.shape[0] - weights.shape[0] + 1
    # out[t] = sum over k of x[t + k] * weights[k]: one shifted slice of x per kernel position
    return functools.reduce(operator.add, (x[k:k + n] * weights[k] for k in range(weights.shape[0])))
