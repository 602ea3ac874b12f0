"""Diagrams the notebooks draw: grids of numbers, memory strips, sliding windows.

`make release` copies this module into every student notebook, so it may import
only the standard library and the course's third-party packages, never `course`.
"""

import itertools
from typing import Any, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

__all__ = ["show_grid", "show_view", "show_windows_1d"]

HIGHLIGHT = "#f4a259"
PADDING = "#d9d9d9"
PLAIN = "#ffffff"


def _cells(ax: plt.Axes, values: np.ndarray, colors: np.ndarray, labels: np.ndarray | None = None) -> None:
    """Draw a 2-D array as a grid of labelled, coloured squares on `ax`."""
    rows, cols = values.shape
    for r, c in itertools.product(range(rows), range(cols)):
        ax.add_patch(Rectangle((c, rows - 1 - r), 1, 1, facecolor=colors[r, c], edgecolor="black"))
        text = values[r, c] if labels is None else labels[r, c]
        ax.text(c + 0.5, rows - 0.5 - r, text, ha="center", va="center", fontsize=10)
    ax.set_xlim(0, cols)
    ax.set_ylim(0, rows)
    ax.set_aspect("equal")
    ax.axis("off")


def _format(value: Any) -> str:
    """A number as short text for a cell label."""
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:.2g}"


def show_grid(values: Any, highlight: Any = None, title: str = "", ax: plt.Axes | None = None) -> plt.Axes:
    """Draw a 1-D or 2-D array as a grid, with the cells where `highlight` is true in colour."""
    values = np.atleast_2d(np.asarray(values))
    mask = np.zeros(values.shape, bool) if highlight is None else np.atleast_2d(np.asarray(highlight, bool))
    labels = np.vectorize(_format)(values)
    if ax is None:
        _, ax = plt.subplots(figsize=(0.6 * values.shape[1] + 0.4, 0.6 * values.shape[0] + 0.6))
    _cells(ax, values, np.where(mask, HIGHLIGHT, PLAIN), labels)
    ax.set_title(title, fontsize=11)
    return ax


def _reads(indices: list[str]) -> str:
    """Label for a storage element: the first view index that reads it, and how many do."""
    if not indices:
        return ""
    return indices[0] + (f" (x{len(indices)})" if len(indices) > 1 else "")


def show_view(base: Any, view: Any, title: str = "") -> None:
    """Show which elements of `base`'s memory a strided `view` of it reads, and in what order.

    Top: `base`'s storage as one strip, each element `view` reads in colour, labelled
    with the element's position in `view`. Bottom: `base` as a grid and `view` itself.
    """
    storage = base.contiguous().reshape(-1).detach().cpu().numpy()
    offset = view.storage_offset() - base.storage_offset()
    order: dict[int, list[str]] = {}
    for index in itertools.product(*(range(n) for n in view.shape)):
        address = offset + sum(i * s for i, s in zip(index, view.stride()))
        order.setdefault(address, []).append(",".join(map(str, index)) or "()")
    fig = plt.figure(figsize=(max(7.0, 0.55 * storage.size), 4.2))
    strip = fig.add_axes((0.02, 0.62, 0.96, 0.3))
    strip_labels = np.array([[f"{_format(v)}\n" + _reads(order.get(a, [])) for a, v in enumerate(storage)]])
    picked = np.array([[a in order for a in range(storage.size)]])
    _cells(strip, storage[None, :], np.where(picked, HIGHLIGHT, PLAIN), strip_labels)
    strip.set_title(f"{title}\nmemory (label: value, then the index in the view that reads it)", fontsize=10)
    show_grid(base.detach().cpu().numpy(), picked.reshape(tuple(base.shape) or (1,)), f"base {tuple(base.shape)}",
              fig.add_axes((0.05, 0.05, 0.4, 0.45)))
    show_grid(view.detach().cpu().numpy(), np.ones(tuple(view.shape) or (1,), bool),
              f"view: size {tuple(view.shape)}, stride {view.stride()}", fig.add_axes((0.55, 0.05, 0.4, 0.45)))
    plt.show()


def show_windows_1d(
    length: int, kernel: int, stride: int = 1, pad_left: int = 0, pad_right: int = 0, title: str = ""
) -> None:
    """Draw a 1-D input with its padding and, one row each, the windows a kernel slides over."""
    total = pad_left + length + pad_right
    starts: Sequence[int] = range(0, total - kernel + 1, stride)
    fig, ax = plt.subplots(figsize=(0.5 * total + 1.5, 0.45 * (len(starts) + 1) + 0.8))
    for c in range(total):
        padded = c < pad_left or c >= pad_left + length
        ax.add_patch(Rectangle((c, len(starts)), 1, 1, facecolor=PADDING if padded else PLAIN, edgecolor="black"))
        ax.text(c + 0.5, len(starts) + 0.5, "pad" if padded else str(c - pad_left), ha="center", va="center", fontsize=8)
    for row, start in enumerate(starts):
        y = len(starts) - 1 - row
        ax.add_patch(Rectangle((start, y + 0.1), kernel, 0.8, facecolor=HIGHLIGHT, edgecolor="black"))
        ax.text(-0.3, y + 0.5, f"out[{row}]", ha="right", va="center", fontsize=9)
    ax.set_xlim(-2.2, total)
    ax.set_ylim(0, len(starts) + 1)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title or f"length {length}, kernel {kernel}, stride {stride}, "
                 f"padding ({pad_left}, {pad_right}) -> {len(starts)} outputs", fontsize=10)
    plt.show()
