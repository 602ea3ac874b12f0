"""02 · Conv1d: one output of a batched, multi-channel 1-D convolution as a contraction.

`make release` copies this module, and the course modules it imports, into the student notebook.
"""

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F

from course.kernel.plots import CELL, RESULT, SECOND, illustration, show_grid

__all__ = ["show_conv1d_contraction"]


@illustration
def show_conv1d_contraction(x: Any, weights: Any, n: int, o: int, t: int) -> None:
    """Draw out[n, o, t] as the contraction of the (ic, kw) window of x[n] at t with the kernel weights[o].

    x is (b, ic, w) and weights (oc, ic, kw), as for F.conv1d; the output grid is computed by F.conv1d.
    """
    x, weights = np.asarray(x, dtype=np.float64), np.asarray(weights, dtype=np.float64)
    (_, ic, w), (oc, _, kw) = x.shape, weights.shape
    out = F.conv1d(torch.from_numpy(x), torch.from_numpy(weights)).numpy()
    x_mask = np.zeros((ic, w), bool)
    x_mask[:, t : t + kw] = True
    out_mask = np.zeros(out.shape[1:], bool)
    out_mask[o, t] = True
    widths = [w, kw, out.shape[2]]
    fig, axes = plt.subplots(
        1,
        3,
        figsize=(CELL * sum(widths) + 3.2, CELL * max(ic, oc) + 1.4),
        gridspec_kw={"width_ratios": widths, "wspace": 0.5},
    )
    show_grid(
        x[n], x_mask, f"x[{n}]: (ic={ic}, w={w})\nwindow t={t}: x[{n}, :, {t}:{t + kw}]", axes[0]
    )
    show_grid(
        weights[o],
        np.ones((ic, kw), bool),
        f"weights[{o}]: (ic={ic}, kw={kw})",
        axes[1],
        color=SECOND,
    )
    show_grid(
        out[n],
        out_mask,
        f"out[{n}]: (oc={oc}, w-kw+1={out.shape[2]})\nout[{n}, {o}, {t}] = {out[n, o, t]:g}",
        axes[2],
        color=RESULT,
    )
    fig.suptitle(
        f"out[{n}, {o}, {t}] = sum over c and k of x[{n}, c, {t} + k] · weights[{o}, c, k]: "
        "multiply the orange window by the blue kernel cell by cell, add all",
        fontsize=10,
        y=1.04,
    )
    for left, right, sign in ((axes[0], axes[1], "×"), (axes[1], axes[2], "sum →")):
        middle = (left.get_position().x1 + right.get_position().x0) / 2
        fig.text(middle, 0.45, sign, ha="center", va="center", fontsize=12)
    plt.show()
