# kind: correct
from __future__ import annotations

import functools
import operator


def _as_pair(value: int | tuple[int, int]) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else (value[0], value[1])


def maxpool2d(x: torch.Tensor, kernel_size: int | tuple[int, int], stride: int | tuple[int, int] | None = None,
              padding: int | tuple[int, int] = 0) -> torch.Tensor:
    """The elementwise maximum of the kh * kw strided slices, folded with functools.reduce."""
    (kh, kw), (ph, pw) = _as_pair(kernel_size), _as_pair(padding)
    sh, sw = _as_pair(kernel_size if stride is None else stride)
    xp = F.pad(x, (pw, pw, ph, ph), value=-math.inf)
    out_h = (xp.shape[2] - kh) // sh + 1
    out_w = (xp.shape[3] - kw) // sw + 1
    assert functools.reduce(operator.mul, (out_h, out_w)) > 0, "the kernel must fit the padded input"
    slices = [xp[:, :, i:i + sh * (out_h - 1) + 1:sh, j:j + sw * (out_w - 1) + 1:sw]
              for i in range(kh) for j in range(kw)]
    return functools.reduce(torch.maximum, slices)
