"""The exercise contract that tooling relies on: assignments, notebooks and graded names."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Assignment:
    """One assignment: its id, notebook file, the names its solution cells must define, and what it teaches."""

    id: str
    notebook: str
    graded_names: tuple[str, ...]
    title: str
    teaches: str

    def path(self, root: Path) -> Path:
        """The notebook's path below a course folder such as `source/` or `release/`."""
        return root / self.id / self.notebook

    @property
    def exercises_module(self) -> str:
        """The module that describes this notebook's exercises: course.exercises.<notebook name>."""
        return f"course.exercises.{Path(self.notebook).stem}"


ASSIGNMENTS = (
    Assignment(
        "01_strides",
        "strides.ipynb",
        ("as_strided_trace", "as_strided_mv", "as_strided_mm"),
        "Strides",
        "memory layout, `stride()`, `as_strided`, zero strides; trace and matrix products from views",
    ),
    Assignment(
        "02_conv1d",
        "conv1d.ipynb",
        ("conv1d_minimal_simple", "conv1d_minimal", "MyConv1D", "conv1d_forward"),
        "Conv1D",
        "sliding windows as views, batched multi-channel conv1d, the same layer in Flax Linen (WIO, NWC)",
    ),
    Assignment(
        "03_padding",
        "padding.ipynb",
        ("pad1d", "pad2d", "conv1d", "conv_with_padding", "same_padding"),
        "Padding",
        "padding by hand, strided and padded conv1d, the output-size formula, JAX's VALID and SAME",
    ),
    Assignment(
        "04_conv2d_linen",
        "conv2d_linen.ipynb",
        ("force_pair", "conv2d_minimal", "conv2d", "MyConv2D", "conv2d_forward"),
        "Conv2D in Flax Linen",
        "conv2d with int-or-pair stride and padding, NCHW/OIHW versus NHWC/HWIO, a Linen layer",
    ),
    Assignment(
        "05_conv2d_nnx",
        "conv2d_nnx.ipynb",
        ("MyConv2D", "conv2d_forward"),
        "Conv2D in Flax NNX",
        "the same layer as an NNX module: Params, Rngs, static attributes, reading a Param",
    ),
    Assignment(
        "06_maxpool",
        "maxpool.ipynb",
        ("maxpool2d", "maxpool2d_jax"),
        "Max pooling",
        "max pooling with -inf padding in PyTorch and with `lax.reduce_window`; conv, ReLU, pool",
    ),
)


def find_assignment(assignment_id: str) -> Assignment:
    """The assignment with this id; KeyError if the contract has none."""
    for assignment in ASSIGNMENTS:
        if assignment.id == assignment_id:
            return assignment
    raise KeyError(f"no assignment {assignment_id!r} in the contract")
