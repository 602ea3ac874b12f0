"""The exercise contract that tooling relies on: assignments, notebooks and graded names."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Assignment:
    """One assignment: its id, its notebook's file name, and the names its solution cells must define."""

    id: str
    notebook: str
    graded_names: tuple[str, ...]

    def path(self, root: Path) -> Path:
        """The notebook's path below a course folder such as `source/` or `release/`."""
        return root / self.id / self.notebook


ASSIGNMENTS = (
    Assignment("01_strides", "strides.ipynb", ("as_strided_trace", "as_strided_mv", "as_strided_mm")),
    Assignment("02_conv1d", "conv1d.ipynb", ("conv1d_minimal_simple", "conv1d_minimal", "MyConv1D", "conv1d_forward")),
    Assignment("03_padding", "padding.ipynb", ("pad1d", "pad2d", "conv1d", "conv_with_padding", "same_padding")),
    Assignment(
        "04_conv2d_linen",
        "conv2d_linen.ipynb",
        ("force_pair", "conv2d_minimal", "conv2d", "MyConv2D", "conv2d_forward"),
    ),
    Assignment("05_conv2d_nnx", "conv2d_nnx.ipynb", ("MyConv2D", "conv2d_forward")),
    Assignment("06_maxpool", "maxpool.ipynb", ("maxpool2d", "maxpool2d_jax")),
)
