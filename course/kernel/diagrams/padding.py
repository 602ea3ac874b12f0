"""03 · Padding: a 2-D image and the same image padded on each side.

`make release` copies this module, and the course modules it imports, into the student notebook.
"""

import matplotlib.pyplot as plt
import numpy as np

from course.kernel.plots import CELL, PADDING, illustration, show_grid

__all__ = ["show_padding_2d"]


@illustration
def show_padding_2d(
    height: int, width: int, *, left: int, right: int, top: int, bottom: int, pad_value: float
) -> None:
    """Draw a height × width image numbered from 1 and, beside it, that image padded with pad_value (in grey)."""
    image = np.arange(1, height * width + 1).reshape(height, width)
    pads = ((top, bottom), (left, right))
    padded = np.pad(image, pads, constant_values=pad_value)
    border = np.pad(np.zeros(image.shape, bool), pads, constant_values=True)
    rows, cols = padded.shape
    _, (ax_in, ax_out) = plt.subplots(
        1,
        2,
        figsize=(CELL * (width + cols) + 1.6, CELL * rows + 1.3),
        gridspec_kw={"width_ratios": [width, cols], "wspace": 0.3},
    )
    show_grid(image, title=f"x: height {height}, width {width}", ax=ax_in)
    show_grid(
        padded,
        border,
        f"padded (grey: pad_value {pad_value:g}, corners included)\n"
        f"left={left}, right={right}, top={top}, bottom={bottom}\n"
        f"height {rows} = {top} + {height} + {bottom}, width {cols} = {left} + {width} + {right}",
        ax_out,
        color=PADDING,
    )
    plt.show()
