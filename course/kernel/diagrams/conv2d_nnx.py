"""05 · Conv2D in Flax NNX: the picture of what a convolution layer holds (its State and its static settings).

`make release` copies this module, and the course modules it imports, into the student notebook.
"""

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np

from course.kernel.plots import illustration

__all__ = ["show_state_tree"]

PARAM_COLOR = "#f4a259"
STATIC_COLOR = "#eeeeee"
MODULE_COLOR = "#cfe2f3"
WEIGHT_CMAP = "RdBu_r"  # diverging: negative blue, 0 white, positive red


def _draw_tree(
    ax: plt.Axes,
    module: Any,
    kernel_shape: tuple[int, ...],
    bias_shape: tuple[int, ...],
    static: Sequence[str],
) -> None:
    """The module as a root with one branch per Param (solid, orange) and per static setting (dashed, grey)."""
    ax.axis("off")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.text(
        0.02,
        0.5,
        type(module).__name__,
        ha="left",
        va="center",
        fontsize=12,
        weight="bold",
        bbox=dict(boxstyle="round", facecolor=MODULE_COLOR),
    )
    rows = [
        (f"kernel: Param {kernel_shape}", PARAM_COLOR, "-"),
        (f"bias: Param {bias_shape}", PARAM_COLOR, "-"),
    ]
    rows += [(f"{name} = {getattr(module, name)!r}", STATIC_COLOR, "--") for name in static]
    for i, (label, color, style) in enumerate(rows):
        y = 1 - (i + 0.5) / len(rows)
        ax.annotate(
            "", xy=(0.5, y), xytext=(0.36, 0.5), arrowprops=dict(arrowstyle="-", linestyle=style)
        )
        ax.text(
            0.51,
            y,
            label,
            ha="left",
            va="center",
            fontsize=10,
            bbox=dict(boxstyle="round", facecolor=color, linestyle=style),
        )
    ax.set_title("nnx.split: State (orange, solid)\n+ GraphDef (grey, dashed)", fontsize=10)


def _tiles(kernel: np.ndarray, bias: np.ndarray) -> tuple[np.ndarray, int, list[int]]:
    """One canvas: a kh×kw tile per (input i, output o) with blank gaps, and bias[o] in a row below column o.

    Returns the canvas (NaN where nothing is drawn), the bias row, and the column of each bias cell.
    """
    kh, kw, cin, cout = kernel.shape
    canvas = np.full((cin * (kh + 1) + 1, cout * (kw + 1) - 1), np.nan)
    for i in range(cin):
        for o in range(cout):
            canvas[i * (kh + 1) : i * (kh + 1) + kh, o * (kw + 1) : o * (kw + 1) + kw] = kernel[
                :, :, i, o
            ]
    bias_row, centres = cin * (kh + 1), [o * (kw + 1) + (kw - 1) // 2 for o in range(cout)]
    canvas[bias_row, centres] = bias
    return canvas, bias_row, centres


@illustration
def show_state_tree(module: Any, title: str, static: Sequence[str] = ()) -> None:
    """Draw a conv layer's State (its HWIO `kernel` as one tile per channel pair, the `bias` below) and settings.

    Colour encodes each weight's value on one scale, centred on 0 (white); the colour bar gives the numbers.
    """
    kernel, bias = np.asarray(module.kernel[...]), np.asarray(module.bias[...])
    kh, kw, cin, cout = kernel.shape
    fig, (tree, ax, bar) = plt.subplots(
        1, 3, figsize=(12, 4.4), gridspec_kw=dict(width_ratios=(1, 1.6, 0.05))
    )
    _draw_tree(tree, module, kernel.shape, bias.shape, static)
    canvas, bias_row, centres = _tiles(kernel, bias)
    limit = float(np.nanmax(np.abs(canvas))) or 1.0
    image = ax.imshow(canvas, cmap=WEIGHT_CMAP, vmin=-limit, vmax=limit)
    # a thin frame around each tile, so that weights near 0 (white) keep their tile's outline
    for i in range(cin):
        for o in range(cout):
            ax.add_patch(
                plt.Rectangle(
                    (o * (kw + 1) - 0.5, i * (kh + 1) - 0.5),
                    kw,
                    kh,
                    fill=False,
                    edgecolor="grey",
                    linewidth=0.8,
                )
            )
    for o, col in enumerate(centres):
        ax.text(col, bias_row, f"{bias[o]:.2g}", ha="center", va="center", fontsize=8)
        ax.add_patch(
            plt.Rectangle(
                (col - 0.5, bias_row - 0.5), 1, 1, fill=False, edgecolor="grey", linewidth=0.8
            )
        )
    ax.set_xticks(
        [o * (kw + 1) + (kw - 1) / 2 for o in range(cout)], [f"out {o}" for o in range(cout)]
    )
    ax.set_yticks(
        [i * (kh + 1) + (kh - 1) / 2 for i in range(cin)] + [bias_row],
        [f"in {i}" for i in range(cin)] + ["bias"],
    )
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_title(
        f"tile (in i, out o) = kernel[:, :, i, o], each {kh}×{kw};\nbias[o] under column o",
        fontsize=10,
    )
    fig.colorbar(image, cax=bar, label="value (0 = white)")
    fig.suptitle(title, fontsize=12)
    fig.tight_layout()
    plt.show()
