"""06 · Max pooling: the pooling-window picture, and helpers for the closing conv -> ReLU -> pool section.

`make release` copies this module, and the course modules it imports, into the student notebook.
"""

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from matplotlib.patches import Rectangle

from course.kernel.plots import illustration

__all__ = ["print_difference", "show_pooling"]

WINDOW_COLORS = (
    "#8dd3c7",
    "#ffffb3",
    "#bebada",
    "#fb8072",
    "#80b1d3",
    "#fdb462",
    "#b3de69",
    "#fccde5",
    "#bc80bd",
)
UNREAD = "#d9d9d9"  # padding that no window reads
HATCH = "#9a9a9a"
WRONG = "#d62728"
CELL = 0.55  # inches per drawn cell


def _window_colors(
    shape: tuple[int, int],
    out_shape: tuple[int, int],
    kernel: tuple[int, int],
    stride: tuple[int, int],
) -> np.ndarray:
    """The colour of each cell of the padded input: its window's colour, grey where no window reads it."""
    (kh, kw), (sh, sw), (out_h, out_w) = kernel, stride, out_shape
    colors = np.full(shape, UNREAD, dtype=object)
    colors[: (out_h - 1) * sh + kh, : (out_w - 1) * sw + kw] = "#ffffff"
    for i in range(out_h):
        for j in range(out_w):
            colors[i * sh : i * sh + kh, j * sw : j * sw + kw] = WINDOW_COLORS[
                (i * out_w + j) % len(WINDOW_COLORS)
            ]
    return colors


def _draw_cell(
    ax: plt.Axes,
    row: int,
    col: int,
    rows: int,
    value: float,
    color: str,
    *,
    padded: bool = False,
    bold: bool = False,
    frame: str = "black",
) -> None:
    """One labelled square; padding is hatched, with its label on a white patch so that it stays readable."""
    y = rows - 1 - row
    if padded:
        ax.add_patch(
            Rectangle((col, y), 1, 1, facecolor=color, edgecolor=HATCH, hatch="///", linewidth=0)
        )
    strong = bold or frame != "black"
    ax.add_patch(
        Rectangle(
            (col, y),
            1,
            1,
            facecolor="none" if padded else color,
            edgecolor=frame,
            linewidth=3 if strong else 0.8,
            zorder=3 if strong else 2,
        )
    )
    label = "-∞" if value == -np.inf else f"{value:g}"
    box = dict(boxstyle="round,pad=0.12", facecolor="white", edgecolor="none") if padded else None
    ax.text(
        col + 0.5,
        y + 0.5,
        label,
        ha="center",
        va="center",
        fontsize=9,
        fontweight="bold" if bold else "normal",
        bbox=box,
        zorder=4,
    )


def _frame(ax: plt.Axes, rows: int, cols: int, title: str) -> None:
    """Square cells, no axes, a small margin so that border lines are not clipped."""
    ax.set_xlim(-0.1, cols + 0.1)
    ax.set_ylim(-0.1, rows + 0.1)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title, fontsize=10)


@illustration
def show_pooling(
    x: Any,
    kernel: tuple[int, int],
    stride: tuple[int, int],
    padding: tuple[int, int] = (0, 0),
    title: str = "",
    output: Any = None,
) -> None:
    """Draw a 2-D input padded with -inf, its (non-overlapping) pooling windows, the max of each, and the output.

    Each window has a colour, and its output cell the same one; the maximum of each window is bold with a
    thick border. PyTorch's F.max_pool2d gives the output and where each maximum is. With `output`
    (a 2-D result of your own), that is drawn instead, and cells that differ from PyTorch's get a red frame.
    """
    x = np.asarray(x, dtype=float)
    (ph, pw), (h, w) = padding, x.shape
    padded = np.full((h + 2 * ph, w + 2 * pw), -np.inf)
    padded[ph : ph + h, pw : pw + w] = x
    pooled, where = F.max_pool2d(
        torch.from_numpy(x)[None, None], kernel, stride, padding, return_indices=True
    )
    expected, argmax = pooled[0, 0].numpy(), where[0, 0].numpy()
    shown = (
        expected
        if output is None
        else np.atleast_2d(
            np.squeeze(np.asarray(torch.as_tensor(output).detach().cpu(), dtype=float))
        )
    )
    shown = shown.reshape(shown.shape[0], -1)  # any result can be drawn, even one of the wrong rank
    best = {(index // w + ph, index % w + pw) for index in argmax.flat}  # places in `padded`
    (rows, cols), (out_h, out_w) = padded.shape, shown.shape
    fig, (ax_in, ax_out) = plt.subplots(
        1,
        2,
        figsize=(CELL * (cols + out_w) + 1.6, CELL * max(rows, out_h) + 1.1),
        gridspec_kw={"width_ratios": [cols, max(out_w, 1)]},
        layout="constrained",
    )
    colors = _window_colors(padded.shape, expected.shape, kernel, stride)
    for r in range(rows):
        for c in range(cols):
            _draw_cell(
                ax_in,
                r,
                c,
                rows,
                padded[r, c],
                colors[r, c],
                padded=padded[r, c] == -np.inf,
                bold=(r, c) in best,
            )
    same_shape = shown.shape == expected.shape
    for i in range(out_h):
        for j in range(out_w):
            color = WINDOW_COLORS[(i * out_w + j) % len(WINDOW_COLORS)] if same_shape else "#ffffff"
            differs = same_shape and not np.isclose(shown[i, j], expected[i, j])
            _draw_cell(ax_out, i, j, out_h, shown[i, j], color, frame=WRONG if differs else "black")
    _frame(ax_in, rows, cols, f"{'padded input' if ph or pw else 'input'} {rows}×{cols}")
    if output is None:
        out_title = f"output {out_h}×{out_w}"
    elif not same_shape:
        out_title = (
            f"your output {out_h}×{out_w}\n(F.max_pool2d: {expected.shape[0]}×{expected.shape[1]})"
        )
    else:
        wrong = int((~np.isclose(shown, expected)).sum())
        out_title = (
            f"your output: {wrong} cell{'s differ' if wrong > 1 else ' differs'}\nfrom F.max_pool2d's (red)"
            if wrong
            else "your output\n= F.max_pool2d's"
        )
    _frame(ax_out, out_h, out_w, out_title)
    ax_out.set_anchor("N")
    ax_in.set_anchor("N")
    fig.suptitle(title or f"kernel {kernel}, stride {stride}, padding {padding}", fontsize=11)
    plt.show()


def print_difference(label: str, got: Any, expected: Any, *, tolerance: float = 1e-4) -> None:
    """Print the largest absolute difference between two arrays (torch, JAX or NumPy), and whether it is small."""
    got, expected = (
        np.asarray(a.detach().cpu() if isinstance(a, torch.Tensor) else a, dtype=np.float64)
        for a in (got, expected)
    )
    if got.shape != expected.shape:
        print(f"\N{CROSS MARK} {label}: shapes differ, {got.shape} against {expected.shape}")
        return
    largest = float(np.abs(got - expected).max()) if got.size else 0.0
    verdict = "\N{CHECK MARK}" if largest <= tolerance else "\N{CROSS MARK}"
    note = (
        ("identical" if largest == 0 else "float32 rounding")
        if largest <= tolerance
        else "more than rounding: something differs"
    )
    print(f"{verdict} {label}: largest |difference| {largest:.1e} ({note})")
