"""01 · Strides: the warm-up's target views, and the 3-D picture behind `as_strided_mm`.

`make release` copies this module, and the course modules it imports, into the student notebook.
"""

from typing import Any

import matplotlib.pyplot as plt
import numpy as np

from course.kernel.plots import (
    HIGHLIGHT,
    RESULT,
    SECOND,
    THIRD,
    draw_strip,
    figure_in_inches,
    illustration,
    show_grid,
    strip_height,
)

__all__ = ["show_mm_views", "show_warmup_views"]

SMALL_CELL = 0.34  # inches per cell


@illustration
def show_warmup_views(x: Any, targets: dict[str, Any]) -> None:
    """Draw each target view of `x` (whose values must all differ): its elements on x's grid and in x's memory.

    Left, x as a grid with the elements the view holds in colour; right, x's storage as a strip,
    the same elements in colour and "×n" on an element the view holds n times.
    """
    grid = x.detach().cpu().numpy()
    storage = x.contiguous().reshape(-1).detach().cpu().numpy()
    position = {value: address for address, value in enumerate(storage.tolist())}
    if len(position) != storage.size:
        raise ValueError("show_warmup_views finds elements by value: x's values must all differ.")
    rows, cols = grid.shape
    grid_w, grid_h, strip_w = SMALL_CELL * cols, SMALL_CELL * rows, SMALL_CELL * storage.size
    row_h, gap = grid_h + 0.75, 0.8
    _, place = figure_in_inches(grid_w + gap + strip_w + 0.2, row_h * len(targets) + 0.1)
    for number, (name, target) in enumerate(targets.items()):
        reads: dict[int, list[str]] = {}
        for value in target.reshape(-1).tolist():
            reads.setdefault(position[value], []).append("")
        picked = np.array([a in reads for a in range(storage.size)]).reshape(grid.shape)
        bottom = row_h * (len(targets) - 1 - number) + 0.1
        show_grid(
            grid, picked, f"{name}: shape {tuple(target.shape)}", place(0.1, bottom, grid_w, grid_h)
        )
        strip_h = SMALL_CELL * strip_height(reads, show_index=False)
        draw_strip(
            place(0.1 + grid_w + gap, bottom + (grid_h - strip_h) / 2, strip_w, strip_h),
            storage,
            reads,
            "x's memory (positions in small type); ×n: the view holds this element n times"
            if number == 0
            else "",
            show_index=False,
        )
    plt.show()


@illustration
def show_mm_views(i: int = 2, j: int = 3, k: int = 4) -> None:
    """Draw matA (i, j) and matB (j, k), then, for each i, the (j, k) slices of the two 3-D views of shape
    (i, j, k) that as_strided_mm multiplies (viewA: matA repeated along k; viewB: matB repeated along i),
    their product, and its sum over j, which is row i of matA @ matB. Cells show symbols, not numbers."""
    a_labels = np.array([[f"$a_{{{r}{c}}}$" for c in range(j)] for r in range(i)], dtype=object)
    b_labels = np.array([[f"$b_{{{r}{c}}}$" for c in range(k)] for r in range(j)], dtype=object)
    cell, gap, title_h = 0.55, 0.75, 0.62
    panel_w, panel_h = cell * k, cell * j
    width = 4 * panel_w + 3 * gap + 0.2
    top_h = cell * max(i, j) + title_h
    height = top_h + 0.35 + i * (panel_h + title_h + 0.15) + 0.1
    fig, place = figure_in_inches(width, height)
    top = height - top_h
    show_grid(
        np.zeros((i, j)),
        np.ones((i, j), bool),
        f"matA: shape (i, j) = ({i}, {j})",
        place(0.1, top + cell * (max(i, j) - i), cell * j, cell * i),
        labels=a_labels,
    )
    show_grid(
        np.zeros((j, k)),
        np.ones((j, k), bool),
        f"matB: shape (j, k) = ({j}, {k})",
        place(0.1 + cell * j + gap, top + cell * (max(i, j) - j), cell * k, cell * j),
        color=SECOND,
        labels=b_labels,
    )
    fig.text(
        (0.1 + cell * (j + k) + 2 * gap) / width,
        (top + cell * max(i, j) / 2) / height,
        f"Both views have shape (i, j, k) = ({i}, {j}, {k}).\nBelow, one row per i: the (j, k) slice of each,\n"
        "j down, k across. viewA repeats matA along k,\nviewB repeats matB along i.",
        fontsize=10,
        va="center",
    )
    for row in range(i):
        bottom = top - 0.35 - (row + 1) * (panel_h + title_h + 0.15) + title_h
        a_slice = np.repeat(a_labels[row][:, None], k, axis=1)  # (j, k): matA[row, j] along every k
        products = np.array(
            [
                [f"${a.strip('$')}\\,{b.strip('$')}$" for a, b in zip(a_row, b_row)]
                for a_row, b_row in zip(a_slice, b_labels)
            ],
            dtype=object,
        )
        panels = [
            (
                a_slice,
                HIGHLIGHT,
                10,
                f"viewA[{row}]: row j is matA[{row}, j],\nthe same for every k",
            ),
            (b_labels, SECOND, 10, f"viewB[{row}]: all of matB,\nthe same for every i"),
            (products, THIRD, 8, f"viewA[{row}] * viewB[{row}]\n(elementwise)"),
        ]
        for number, (labels, color, size, title) in enumerate(panels):
            show_grid(
                np.zeros((j, k)),
                np.ones((j, k), bool),
                title,
                place(0.1 + number * (panel_w + gap), bottom, panel_w, panel_h),
                color=color,
                labels=labels,
                fontsize=size,
            )
        out = np.array([[f"$c_{{{row}{c}}}$" for c in range(k)]], dtype=object)
        show_grid(
            np.zeros((1, k)),
            np.ones((1, k), bool),
            f"sum over j (down):\nc[{row}, :]",
            place(0.1 + 3 * (panel_w + gap), bottom + (panel_h - cell) / 2, panel_w, cell),
            color=RESULT,
            labels=out,
        )
        for number, sign in enumerate(("×", "=", "$\\Sigma_j$ →")):
            fig.text(
                (0.1 + (number + 1) * panel_w + number * gap + gap / 2) / width,
                (bottom + panel_h / 2) / height,
                sign,
                ha="center",
                va="center",
                fontsize=13,
            )
    fig.suptitle(
        "as_strided_mm in three axes (i, j, k), with c = matA @ matB: "
        "c[i, k] = sum over j of matA[i, j] · matB[j, k]",
        fontsize=11,
        y=1.0,
    )
    plt.show()
