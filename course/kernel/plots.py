"""Diagrams the notebooks draw: grids of numbers, memory strips, sliding windows.

`make release` copies this module into every student notebook, so it may import only the
standard library, the course's third-party packages and `course.kernel.runtime`.
"""

import functools
import itertools
from collections.abc import Callable
from typing import Any, ParamSpec

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch, Rectangle

from course.kernel.runtime import grading

__all__ = ["show_grid", "show_view", "show_windows_1d"]

HIGHLIGHT = "#f4a259"
SECOND = "#9ecae1"
THIRD = "#c7b8e0"
RESULT = "#a1d99b"
PADDING = "#d9d9d9"
PLAIN = "#ffffff"
UNREAD = "#fbd5d5"
UNREAD_EDGE = "#c0392b"
CELL = 0.5  # inches per cell
MARGIN = 0.06  # data units around a grid, so that its outer border is not clipped


P = ParamSpec("P")


def illustration(draw: Callable[P, None]) -> Callable[P, None]:
    """Mark a function that shows a course figure: skipped while nbgrader grades, where no one looks at it."""

    @functools.wraps(draw)
    def show(*args: P.args, **kwargs: P.kwargs) -> None:
        if grading():
            print("(Figure skipped while the notebook is graded.)")
            return
        draw(*args, **kwargs)

    return show


def draw_cells(
    ax: plt.Axes, colors: np.ndarray, labels: np.ndarray, fontsize: float = 10, height: float = 1.0
) -> None:
    """Draw a 2-D grid of coloured cells with text labels on `ax`; row 0 at the top, cells `height` tall."""
    rows, cols = colors.shape
    for r, c in itertools.product(range(rows), range(cols)):
        bottom = (rows - 1 - r) * height
        ax.add_patch(
            Rectangle(
                (c, bottom), 1, height, facecolor=colors[r, c], edgecolor="black", linewidth=1
            )
        )
        ax.text(
            c + 0.5, bottom + height / 2, labels[r, c], ha="center", va="center", fontsize=fontsize
        )
    ax.set_xlim(-MARGIN, cols + MARGIN)
    ax.set_ylim(-MARGIN, rows * height + MARGIN)
    ax.set_aspect("equal")
    ax.axis("off")


def short(value: Any) -> str:
    """A number as short text for a cell label."""
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:.2g}"


def show_grid(
    values: Any,
    highlight: Any = None,
    title: str = "",
    ax: plt.Axes | None = None,
    color: str = HIGHLIGHT,
    labels: Any = None,
    fontsize: float = 10,
) -> plt.Axes:
    """Draw a 1-D or 2-D array as a grid of its numbers (or of `labels`), cells where `highlight` is true in `color`."""
    values = np.atleast_2d(np.asarray(values))
    mask = (
        np.zeros(values.shape, bool)
        if highlight is None
        else np.atleast_2d(np.asarray(highlight, bool))
    )
    text = (
        np.vectorize(short)(values)
        if labels is None
        else np.atleast_2d(np.asarray(labels, dtype=object))
    )
    if ax is None:
        _, ax = plt.subplots(figsize=(CELL * values.shape[1] + 0.4, CELL * values.shape[0] + 0.6))
    draw_cells(ax, np.where(mask, color, PLAIN), text, fontsize)
    ax.set_title(title, fontsize=10)
    return ax


def view_reads(base: Any, view: Any) -> dict[int, list[str]]:
    """For each storage element of `base` (by position from base[0]) that `view` reads, the view indices reading it."""
    offset = view.storage_offset() - base.storage_offset()
    reads: dict[int, list[str]] = {}
    for index in itertools.product(*(range(n) for n in view.shape)):
        address = offset + sum(i * s for i, s in zip(index, view.stride()))
        reads.setdefault(address, []).append(",".join(map(str, index)) or "()")
    return reads


def strip_height(reads: dict[int, list[str]], show_index: bool = True) -> float:
    """The height of a memory strip's cells, in cell widths: room for as many label lines as `draw_strip` writes."""
    lines = 1 + (show_index and bool(reads)) + any(len(indices) > 1 for indices in reads.values())
    return max(1.0, 0.42 * lines + 0.2)


def draw_strip(
    ax: plt.Axes,
    storage: np.ndarray,
    reads: dict[int, list[str]],
    title: str = "",
    show_index: bool = True,
) -> None:
    """Draw storage as one strip: read elements in colour, each labelled with its value, the first view index
    that reads it (if `show_index`) and "×n" when n view indices read it; positions in small type above."""

    def label(address: int, value: Any) -> str:
        indices = reads.get(address, [])
        lines = [short(value)] + ([indices[0]] if indices and show_index else [])
        return "\n".join(lines + ([f"×{len(indices)}"] if len(indices) > 1 else []))

    labels = np.array([[label(a, v) for a, v in enumerate(storage)]], dtype=object)
    height = strip_height(reads, show_index)
    colors = np.array([[HIGHLIGHT if a in reads else PLAIN for a in range(storage.size)]])
    draw_cells(ax, colors, labels, fontsize=9, height=height)
    for address in range(storage.size):
        ax.text(
            address + 0.5,
            height + 0.12,
            str(address),
            ha="center",
            va="bottom",
            fontsize=7,
            color="dimgray",
        )
    ax.set_title(title, fontsize=10, pad=16)


def figure_in_inches(width: float, height: float) -> tuple[plt.Figure, Callable[..., plt.Axes]]:
    """A figure `width` × `height` inches, and a function placing an axes by its box in inches from the bottom left."""
    fig = plt.figure(figsize=(width, height))

    def place(left: float, bottom: float, w: float, h: float) -> plt.Axes:
        return fig.add_axes((left / width, bottom / height, w / width, h / height))

    return fig, place


@illustration
def show_view(base: Any, view: Any, title: str = "") -> None:
    """Show which elements of `base`'s memory a strided `view` of it reads, and in what order.

    Top: `base`'s storage as one strip (positions in small type above), each element `view`
    reads in colour, labelled with its value, the first index in `view` that reads it and,
    when several indices read it, how many ("×3"). Below: `base` as a grid (when it has two
    or more dimensions: a 1-D base is the strip itself), and `view` itself.
    """
    storage = base.contiguous().reshape(-1).detach().cpu().numpy()
    reads = view_reads(base, view)
    picked = np.array([a in reads for a in range(storage.size)])
    grids = []
    if base.dim() >= 2:
        grids.append(
            (
                base.detach().cpu().numpy().reshape(-1, base.shape[-1]),
                picked,
                f"base {tuple(base.shape)}",
            )
        )
    shown = view.detach().cpu().numpy()
    shown = shown.reshape(-1, shown.shape[-1]) if shown.ndim else shown.reshape(1, 1)
    grids.append(
        (
            shown,
            np.ones(shown.shape, bool),
            f"view: size {tuple(view.shape)}, stride {view.stride()}",
        )
    )
    strip_cell, grid_cell, gap = min(CELL, 11.0 / storage.size), 0.42, 1.2
    strip_w, strip_h = strip_cell * storage.size, strip_cell * strip_height(reads)
    grids_w = sum(grid_cell * g.shape[1] for g, _, _ in grids) + gap * (len(grids) - 1)
    grid_h = grid_cell * max(g.shape[0] for g, _, _ in grids)
    width, height = max(strip_w, grids_w) + 0.3, 0.9 + strip_h + 0.75 + grid_h + 0.15
    _, place = figure_in_inches(width, height)
    draw_strip(
        place((width - strip_w) / 2, grid_h + 0.9, strip_w, strip_h),
        storage,
        reads,
        f"{title}\nmemory of base {tuple(base.shape)}, positions in small type\n"
        f"in a cell: value, first view index that reads it, ×n if n indices do",
    )
    left = (width - grids_w) / 2
    for values, mask, name in grids:
        rows, cols = values.shape
        show_grid(
            values,
            mask.reshape(values.shape),
            name,
            place(left, 0.15 + grid_h - grid_cell * rows, grid_cell * cols, grid_cell * rows),
        )
        left += grid_cell * cols + gap
    plt.show()


@illustration
def show_windows_1d(
    length: int,
    kernel: int,
    stride: int = 1,
    pad_left: int = 0,
    pad_right: int = 0,
    title: str = "",
) -> None:
    """Draw a 1-D input with its padding and, one row each, the windows a kernel slides over.

    Input elements that no window reads are hatched in red and listed in the legend.
    """
    total = pad_left + length + pad_right
    starts = range(0, total - kernel + 1, stride)
    read = {start + k for start in starts for k in range(kernel)}
    unread = [c - pad_left for c in range(pad_left, pad_left + length) if c not in read]
    rows = len(starts)
    _, ax = plt.subplots(figsize=(CELL * (total + 2.4), CELL * (rows + 1) + 0.5))
    for c in range(total):
        padded = c < pad_left or c >= pad_left + length
        skipped = not padded and c not in read
        ax.add_patch(
            Rectangle(
                (c, rows),
                1,
                1,
                facecolor=PADDING if padded else UNREAD if skipped else PLAIN,
                edgecolor=UNREAD_EDGE if skipped else "black",
                hatch="///" if skipped else None,
                linewidth=2 if skipped else 1,
            )
        )
        ax.text(
            c + 0.5,
            rows + 0.5,
            "pad" if padded else str(c - pad_left),
            ha="center",
            va="center",
            fontsize=8,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1} if skipped else None,
        )
    for row, start in enumerate(starts):
        bottom = rows - 1 - row
        for k in range(kernel):
            ax.add_patch(
                Rectangle(
                    (start + k, bottom + 0.12),
                    1,
                    0.76,
                    facecolor=HIGHLIGHT,
                    edgecolor="black",
                    linewidth=0.6,
                )
            )
        ax.add_patch(
            Rectangle(
                (start, bottom + 0.12), kernel, 0.76, fill=False, edgecolor="black", linewidth=1.4
            )
        )
        ax.text(-0.3, bottom + 0.5, f"out[{row}]", ha="right", va="center", fontsize=9)
    ax.set_xlim(-2.4, total + MARGIN)
    ax.set_ylim(-MARGIN, rows + 1 + MARGIN)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(
        title
        or f"length {length}, kernel {kernel}, stride {stride}, "
        f"padding ({pad_left}, {pad_right}) -> {rows} outputs",
        fontsize=10,
    )
    handles = [Patch(facecolor=PLAIN, edgecolor="black", label="input element (its index)")]
    if pad_left or pad_right:
        handles.append(Patch(facecolor=PADDING, edgecolor="black", label="padding"))
    handles.append(
        Patch(facecolor=HIGHLIGHT, edgecolor="black", label=f"window of {kernel} read by out[j]")
    )
    if unread:
        handles.append(
            Patch(
                facecolor=UNREAD,
                edgecolor=UNREAD_EDGE,
                hatch="///",
                label=f"never read by any window: {', '.join(map(str, unread))}",
            )
        )
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.0, 0.0),
        ncol=2,
        fontsize=8,
        frameon=False,
        handlelength=1.4,
        columnspacing=1.2,
    )
    plt.show()
