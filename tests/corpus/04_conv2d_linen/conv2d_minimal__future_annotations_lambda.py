# kind: correct
from __future__ import annotations

out_size = lambda size, k: size - k + 1


def windows_of(x: torch.Tensor, kh: int, kw: int) -> torch.Tensor:
    """Every kh×kw window of x, as a view."""
    b, ic, h, w = x.shape
    s_b, s_c, s_h, s_w = x.stride()
    return x.as_strided((b, ic, out_size(h, kh), out_size(w, kw), kh, kw), (s_b, s_c, s_h, s_w, s_h, s_w))


def conv2d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv2d(x, weights) for x (b, ic, h, w), weights (oc, ic, kh, kw): stride 1, no padding, no bias."""
    oc, ic, kh, kw = weights.shape
    assert x.shape[1] == ic, "channel mismatch"
    return torch.einsum("bcijuv,ocuv->boij", windows_of(x, kh, kw), weights)
