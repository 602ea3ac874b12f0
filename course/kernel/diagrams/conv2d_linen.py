"""04 · Conv2d in PyTorch and Flax Linen: windows over two axes, padding, "SAME", the two layouts, and timings.

`make release` copies this module, and the course modules it imports, into the student notebook.
"""

import itertools
import math
from collections.abc import Sequence
from typing import Any

import jax
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import ConnectionPatch, Rectangle

from course.kernel.plots import illustration

__all__ = [
    "show_layouts",
    "show_padded_conv2d",
    "show_permutation",
    "show_same_2d",
    "show_timings",
    "show_windows_2d",
]

PLAIN = "#ffffff"
PAD = "#d9d9d9"
EXTRA_PAD = "#9e9e9e"
COLORS = ("#f4a259", "#8cb369", "#7fb7d9", "#d68fd6")
Cell = tuple[int, int]


def _grid(
    ax: plt.Axes,
    labels: np.ndarray,
    colors: np.ndarray,
    origin: tuple[float, float] = (0, 0),
    fontsize: float = 8,
    bold: np.ndarray | None = None,
) -> None:
    """Draw labelled, coloured cells with row 0 at the top and the grid's top-left corner at `origin`."""
    rows, cols = labels.shape
    x0, top = origin
    for r, c in itertools.product(range(rows), range(cols)):
        ax.add_patch(
            Rectangle(
                (x0 + c, top - r - 1), 1, 1, facecolor=colors[r, c], edgecolor="black", lw=0.8
            )
        )
        weight = "bold" if bold is not None and bold[r, c] else "normal"
        ax.text(
            x0 + c + 0.5,
            top - r - 0.5,
            labels[r, c],
            ha="center",
            va="center",
            fontsize=fontsize,
            weight=weight,
        )


def _frame(ax: plt.Axes, left: float, right: float, bottom: float, top: float) -> None:
    """Fit `ax` to a drawing in data units, square cells, no axes."""
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    ax.set_aspect("equal")
    ax.axis("off")


def _outline(
    ax: plt.Axes, row: int, col: int, height: int, width: int, color: str, inset: float = 0.06
) -> None:
    """A thick rectangle around the cells rows row..row+height-1, cols col..col+width-1 (row 0 at y=0 going down)."""
    ax.add_patch(
        Rectangle(
            (col + inset, -row - height + inset),
            width - 2 * inset,
            height - 2 * inset,
            fill=False,
            edgecolor=color,
            lw=3,
        )
    )


@illustration
def show_windows_2d(
    height: int, width: int, kernel: Cell, stride: Cell, positions: Sequence[Cell], title: str = ""
) -> None:
    """Draw a height×width grid once per output position, with that position's window in colour."""
    (kh, kw), (sh, sw) = kernel, stride
    labels = np.arange(height * width).reshape(height, width).astype(str).astype(object)
    figsize = (len(positions) * (0.32 * width + 0.4), 0.32 * height + 1.2)
    fig, axes = plt.subplots(1, len(positions), figsize=figsize)
    for ax, (i, j) in zip(np.atleast_1d(axes), positions):
        colors = np.full((height, width), PLAIN, dtype=object)
        colors[i * sh : i * sh + kh, j * sw : j * sw + kw] = COLORS[0]
        _grid(ax, labels, colors)
        _frame(ax, -0.2, width + 0.2, -height - 0.2, 0.2)
        rows, cols = f"{i * sh}–{i * sh + kh - 1}", f"{j * sw}–{j * sw + kw - 1}"
        ax.set_title(f"out[{i}, {j}]: rows {rows}, cols {cols}", fontsize=10)
    fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    plt.show()


@illustration
def show_padded_conv2d(
    height: int, width: int, kernel: Cell, stride: Cell, padding: Cell, positions: Sequence[Cell]
) -> None:
    """The zero-padded input once per output position (its window outlined, in colour), then the output grid."""
    (kh, kw), (sh, sw), (ph, pw) = kernel, stride, padding
    rows, cols = height + 2 * ph, width + 2 * pw
    out_h, out_w = (rows - kh) // sh + 1, (cols - kw) // sw + 1
    inside = np.zeros((rows, cols), bool)
    inside[ph : ph + height, pw : pw + width] = True
    labels = np.full((rows, cols), "0", dtype=object)
    labels[inside] = [str(v) for v in range(height * width)]
    panels = len(positions) + 1
    across = math.ceil(panels / 2)
    fig, axes = plt.subplots(
        2, across, figsize=(across * (0.32 * cols + 0.4), 2 * (0.32 * rows + 0.9))
    )
    axes = axes.ravel()
    for ax, (i, j), color in zip(axes, positions, itertools.cycle(COLORS)):
        colors = np.where(inside, PLAIN, PAD).astype(object)
        window = np.zeros((rows, cols), bool)
        window[i * sh : i * sh + kh, j * sw : j * sw + kw] = True
        colors[window & inside] = color
        _grid(ax, labels, colors, fontsize=7)
        _outline(ax, i * sh, j * sw, kh, kw, color, inset=0.0)
        _frame(ax, -0.2, cols + 0.2, -rows - 0.2, 0.2)
        ax.set_title(
            f"out[{i}, {j}]: padded rows {i * sh}–{i * sh + kh - 1}, cols {j * sw}–{j * sw + kw - 1}",
            fontsize=10,
        )
    out_colors = np.full((out_h, out_w), PLAIN, dtype=object)
    for (i, j), color in zip(positions, itertools.cycle(COLORS)):
        out_colors[i, j] = color
    out_labels = np.array([[f"{i},{j}" for j in range(out_w)] for i in range(out_h)], dtype=object)
    out_ax = axes[len(positions)]
    _grid(
        out_ax, out_labels, out_colors, origin=((cols - out_w) / 2, -(rows - out_h) / 2), fontsize=9
    )
    _frame(out_ax, -0.2, cols + 0.2, -rows - 0.2, 0.2)
    out_ax.set_title(f"the output: {out_h}×{out_w} positions", fontsize=10)
    for ax in axes[panels:]:
        ax.axis("off")
    fig.suptitle(
        f"{height}×{width} input padded by {padding} (grey: zeros), kernel {kernel}, stride {stride} "
        f"→ output {out_h}×{out_w}",
        fontsize=11,
    )
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    plt.show()


@illustration
def show_same_2d(height: int, width: int, kernel: Cell, stride: Cell) -> None:
    """JAX's "SAME" on one image: which rows and columns it pads, two of its windows, and its output grid."""
    (kh, kw), (sh, sw) = kernel, stride
    (top, bottom), (left, right) = jax.lax.padtype_to_pads(
        (height, width), (kh, kw), (sh, sw), "SAME"
    )
    rows, cols = top + height + bottom, left + width + right
    out_h, out_w = (rows - kh) // sh + 1, (cols - kw) // sw + 1
    colors = np.full((rows, cols), PAD, dtype=object)
    colors[top + height + top :, :] = EXTRA_PAD
    colors[:, left + width + left :] = EXTRA_PAD
    colors[top : top + height, left : left + width] = PLAIN
    labels = np.full((rows, cols), "0", dtype=object)
    labels[top : top + height, left : left + width] = [
        [f"{r},{c}" for c in range(width)] for r in range(height)
    ]
    gap = 4.0
    fig, ax = plt.subplots(figsize=(0.55 * (cols + gap + out_w) + 0.4, 0.55 * rows + 1.6))
    _grid(ax, labels, colors, fontsize=8)
    corners = [(0, 0, COLORS[0]), (out_h - 1, out_w - 1, COLORS[2])]
    for i, j, color in corners:
        _outline(ax, i * sh, j * sw, kh, kw, color)
    ax.text(cols + 0.25, -top / 2, f"top pad: {top}", va="center", fontsize=9)
    ax.text(
        cols + 0.25, -(top + height + bottom / 2), f"bottom pad: {bottom}", va="center", fontsize=9
    )
    ax.text(0, 0.3, f"left pad: {left}", ha="left", fontsize=9)
    ax.text(cols, 0.3, f"right pad: {right}", ha="right", fontsize=9)
    ax.text(cols / 2, 1.1, "the input (row, col) with SAME's zeros", ha="center", fontsize=10)
    out_left, out_top = cols + gap, -(rows - out_h) / 2
    out_colors = np.full((out_h, out_w), PLAIN, dtype=object)
    for i, j, color in corners:
        out_colors[i, j] = color
    out_labels = np.array([[f"{i},{j}" for j in range(out_w)] for i in range(out_h)], dtype=object)
    _grid(ax, out_labels, out_colors, origin=(out_left, out_top), fontsize=9)
    ax.text(
        out_left + out_w / 2,
        out_top + 0.3,
        f"output ⌈{height}/{sh}⌉ × ⌈{width}/{sw}⌉ = {out_h}×{out_w}",
        ha="center",
        fontsize=10,
    )
    _frame(ax, -0.2, out_left + out_w + 0.2, -rows - 0.2, 1.6)
    ax.set_title(
        f'"SAME", {height}×{width} input, kernel {kh}×{kw}, stride {stride}: rows padded ({top}, {bottom}), '
        f"columns ({left}, {right})\ndark grey: the odd extra pad, always at the end; outlined: the windows "
        f"of out[0, 0] and out[{out_h - 1}, {out_w - 1}]",
        fontsize=10,
    )
    fig.tight_layout()
    plt.show()


@illustration
def show_layouts(channels: int = 3, height: int = 2, width: int = 3) -> None:
    """Draw a small image's channels, then its memory order in NCHW and in NHWC."""
    fig = plt.figure(figsize=(0.62 * channels * height * width + 1.5, 4.4))
    label = np.vectorize(lambda c, h, w: f"c{c}\n{h},{w}")

    planes = fig.add_axes((0.02, 0.58, 0.96, 0.36))
    for c in range(channels):
        h, w = np.indices((height, width))
        _grid(
            planes,
            label(c, h, w),
            np.full((height, width), COLORS[c % len(COLORS)], dtype=object),
            origin=(c * (width + 1), height),
            fontsize=8,
        )
        planes.text(
            c * (width + 1) + width / 2, height + 0.25, f"channel {c}", ha="center", fontsize=9
        )
    _frame(planes, -0.1, channels * (width + 1), -0.1, height + 0.8)
    orders = {
        "NCHW memory (PyTorch): channel by channel": ("c", "h", "w"),
        "NHWC memory (Flax): pixel by pixel, channels together": ("h", "w", "c"),
    }
    for row, (title, axes_order) in enumerate(orders.items()):
        ranges = {"c": range(channels), "h": range(height), "w": range(width)}
        order = [
            dict(zip(axes_order, index))
            for index in itertools.product(*(ranges[a] for a in axes_order))
        ]
        strip = fig.add_axes((0.02, 0.3 - 0.27 * row, 0.96, 0.17))
        _grid(
            strip,
            np.array([[f"c{p['c']}\n{p['h']},{p['w']}" for p in order]], dtype=object),
            np.array([[COLORS[p["c"] % len(COLORS)] for p in order]], dtype=object),
            origin=(0, 1),
        )
        _frame(strip, -0.1, len(order) + 0.1, -0.1, 1.1)
        strip.set_title(title, fontsize=10)
    plt.show()


def _axis_map(ax: plt.Axes, before: str, after: str, call: str) -> None:
    """Axis letters before and after a permute, with an arrow from each axis to its new place."""
    for k, letter in enumerate(before):
        ax.add_patch(Rectangle((k * 1.4, 1.6), 1, 0.8, facecolor=COLORS[k], edgecolor="black"))
        ax.text(k * 1.4 + 0.5, 2.0, f"{letter}\naxis {k}", ha="center", va="center", fontsize=8)
    for k, letter in enumerate(after):
        old = before.index(letter)
        ax.add_patch(Rectangle((k * 1.4, 0), 1, 0.8, facecolor=COLORS[old], edgecolor="black"))
        ax.text(k * 1.4 + 0.5, 0.4, f"{letter}\naxis {k}", ha="center", va="center", fontsize=8)
        ax.annotate(
            "",
            xy=(k * 1.4 + 0.5, 0.85),
            xytext=(old * 1.4 + 0.5, 1.55),
            arrowprops=dict(arrowstyle="->", color="black", lw=1.2),
        )
    ax.set_title(f"{before} → {after}: {call}", fontsize=10)
    _frame(ax, -0.2, 4 * 1.4, -0.1, 2.5)


def _tiles(
    ax: plt.Axes, array: np.ndarray, follow: tuple[int, ...], names: str, title: str
) -> tuple[float, float]:
    """A 4-D array as a grid of 2-D tiles, tile (a, b) holding array[a, b]; returns the centre of the followed cell."""
    outer_r, outer_c, inner_r, inner_c = array.shape
    step_r, step_c = inner_r + 1.3, inner_c + 1.0
    for a, b in itertools.product(range(outer_r), range(outer_c)):
        colors = np.full((inner_r, inner_c), PLAIN, dtype=object)
        bold = np.zeros((inner_r, inner_c), bool)
        if (a, b) == follow[:2]:
            colors[follow[2], follow[3]], bold[follow[2], follow[3]] = COLORS[0], True
        top = -a * step_r
        _grid(
            ax,
            array[a, b].astype(str).astype(object),
            colors,
            origin=(b * step_c, top),
            fontsize=10,
            bold=bold,
        )
        ax.text(
            b * step_c + inner_c / 2,
            top + 0.25,
            f"{names[0]}={a}, {names[1]}={b}",
            ha="center",
            fontsize=9,
        )
    _frame(ax, -0.2, outer_c * step_c - 0.8, -(outer_r - 1) * step_r - inner_r - 0.2, 1.0)
    ax.set_title(
        f"{title}\neach tile is [{names[0]}, {names[1]}]: rows {names[2]}, columns {names[3]}",
        fontsize=10,
    )
    a, b, r, c = follow
    return b * step_c + c + 0.5, -a * step_r - r - 0.5


@illustration
def show_permutation(kernel_oihw: Any, follow: tuple[int, int, int, int]) -> None:
    """Where each axis goes in NCHW → NHWC and OIHW → HWIO, and one number of a real kernel in both layouts."""
    kernel_oihw = np.asarray(kernel_oihw)
    kernel_hwio = kernel_oihw.transpose(2, 3, 1, 0)
    o, i, u, v = follow
    value = kernel_oihw[follow]
    fig = plt.figure(figsize=(11, 8))
    _axis_map(fig.add_axes((0.05, 0.72, 0.38, 0.2)), "NCHW", "NHWC", "x.permute(0, 2, 3, 1)")
    _axis_map(fig.add_axes((0.57, 0.72, 0.38, 0.2)), "OIHW", "HWIO", "w.permute(2, 3, 1, 0)")
    left, right = fig.add_axes((0.03, 0.02, 0.44, 0.6)), fig.add_axes((0.53, 0.02, 0.44, 0.6))
    start = _tiles(
        left,
        kernel_oihw,
        follow,
        "oiuv",
        f"PyTorch OIHW {kernel_oihw.shape}: w[{o}, {i}, {u}, {v}] = {value}",
    )
    end = _tiles(
        right,
        kernel_hwio,
        (u, v, i, o),
        "uvio",
        f"Flax HWIO {kernel_hwio.shape}: k[{u}, {v}, {i}, {o}] = {value}",
    )
    # Drawn below the axes (zorder -1), so the arrow passes under any cell it crosses.
    fig.add_artist(
        ConnectionPatch(
            start,
            end,
            "data",
            "data",
            axesA=left,
            axesB=right,
            arrowstyle="->",
            color=COLORS[0],
            lw=2.5,
            shrinkA=14,
            shrinkB=20,
            mutation_scale=20,
            connectionstyle="arc3,rad=0.1",
            zorder=-1,
        )
    )
    fig.suptitle(
        f"Top: where each axis goes. Bottom: one number of a real kernel ({value}, orange) in both layouts",
        fontsize=12,
        y=0.98,
    )
    plt.show()


@illustration
def show_timings(sizes: Sequence[int], times: dict[str, list[float]], setting: str) -> None:
    """Print `times` (median seconds per call, by name) in milliseconds and plot them against the image size, log-log.

    `setting` says what was timed and where; a line break in it starts a new line of the title."""
    names = list(times)
    width = max(len(name) for name in names) + 3
    print("   size" + "".join(f"{name:>{width}}" for name in names))
    for row, size in enumerate(sizes):
        cells = [times[name][row] if row < len(times[name]) else math.nan for name in names]
        print(
            f"{size:>3}×{size:<3}"
            + "".join(
                f"{'not timed':>{width}}" if math.isnan(t) else f"{t * 1e3:>{width - 3}.2f} ms"
                for t in cells
            )
        )
    fig, ax = plt.subplots(figsize=(7.5, 4.6))
    for name, marker in zip(names, "osD^"):
        measured = [(s, t * 1e3) for s, t in zip(sizes, times[name]) if not math.isnan(t)]
        ax.plot(*zip(*measured), marker=marker, label=name)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xticks(list(sizes), [f"{s}×{s}" for s in sizes])
    ax.minorticks_off()
    ax.set_xlabel("image height × width")
    ax.set_ylabel("median milliseconds per call (log scale)")
    ax.grid(True, which="major", alpha=0.4)
    ax.legend(fontsize=9)
    ax.set_title(f"Time per call against image size\n{setting}", fontsize=10)
    fig.tight_layout()
    plt.show()
