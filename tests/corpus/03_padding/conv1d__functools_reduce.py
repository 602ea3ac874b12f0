# kind: correct
import functools
import operator


def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    windows = pad1d(x, padding, padding, 0.0).unfold(-1, weights.shape[-1], stride)  # (b, ic, out, k)
    per_channel = [torch.einsum("bok,dk->bdo", windows[:, c], weights[:, c]) for c in range(weights.shape[1])]
    return functools.reduce(operator.add, per_channel)
