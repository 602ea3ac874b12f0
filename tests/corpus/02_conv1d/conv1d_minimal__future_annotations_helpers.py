# kind: correct
from __future__ import annotations

from typing import Tuple


def window_geometry(x: torch.Tensor, kw: int) -> Tuple[Tuple[int, ...], Tuple[int, ...]]:
    """Size and strides of the (b, ic, w - kw + 1, kw) windows view of x."""
    b, ic, w = x.shape
    *outer, s_w = x.stride()
    return (b, ic, w - kw + 1, kw), (*outer, s_w, s_w)


def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    size, stride = window_geometry(x, weights.shape[-1])
    contract = lambda windows, kernel: torch.einsum("nctk,ock->not", windows, kernel)
    return contract(x.as_strided(size, stride), weights)
