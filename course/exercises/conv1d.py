"""02 · Conv1d: stride-1 cross-correlations from `as_strided` windows, then the same layer in Flax Linen.

`make release` copies this module, and the course modules it imports, into every student notebook.
"""

from typing import Any

import flax.linen as nn
import jax
import torch
import torch.nn.functional as F

from course.exercises.convolutions import OFF_BY_ONE, TorchConvolution
from course.exercises.linen import LinenForward, LinenLayer
from course.judging.checks import Mistake
from course.judging.exercise import ExerciseSet


class Conv1dMinimalSimple(TorchConvolution):
    """The cross-correlation of one signal x (w,) with one kernel (kw,)."""

    name = "conv1d_minimal_simple"
    visible = (
        {"x": (7,), "weights": (3,), "seed": 1, "values": "ints"},
        {"x": (9,), "weights": (4,), "seed": 2, "dtype": "float32"},
    )

    def convolve(self, x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
        return F.conv1d(x[None, None], weights[None, None])[0, 0]

    def shape_hints(self, x: torch.Tensor, weights: torch.Tensor) -> dict[tuple[int, ...], Mistake]:
        w, kw = x.shape[0], weights.shape[0]
        return {
            (kw,): Mistake(
                "summed-over-wrong-dim",
                "the windows were summed over dim 0 (across windows) instead of along each window (dim=-1).",
            ),
            (w - kw + 1, kw): Mistake(
                "missing-sum",
                "the products are right, but each window still needs summing (.sum(dim=-1)).",
            ),
            (w - kw,): OFF_BY_ONE,
            (w - kw + 2,): OFF_BY_ONE,
        }


class Conv1dMinimal(TorchConvolution):
    """F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): no bias, stride 1, no padding."""

    name = "conv1d_minimal"
    uses = ("conv1d_minimal_simple",)
    visible = (
        {"x": (2, 3, 6), "weights": (3, 3, 3), "seed": 3, "values": "ints"},
        {"x": (1, 2, 7), "weights": (4, 2, 2), "seed": 4, "dtype": "float32"},
    )

    def convolve(self, x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
        return F.conv1d(x, weights)

    def shape_hints(self, x: torch.Tensor, weights: torch.Tensor) -> dict[tuple[int, ...], Mistake]:
        (b, ic, w), (oc, _, kw) = x.shape, weights.shape
        return {
            (b, oc, ic, w - kw + 1): Mistake(
                "input-channels-not-summed",
                "the input channels are not summed: sum over c as well as k.",
            ),
            (b, oc, w - kw): OFF_BY_ONE,
            (b, oc, w - kw + 2): OFF_BY_ONE,
        }


class Conv1dLayer(LinenLayer):
    """The Linen layer MyConv1D(features, kernel_size) on one signal x (L, C_in): WIO kernel, "SAME", bias."""

    name = "MyConv1D"
    fields = ("features", "kernel_size")
    kernel_layout = "(kernel_size, C_in, features)"
    dimension_numbers = '("NWC", "WIO", "NWC")'
    visible = (
        {"x": (6, 2), "features": 4, "kernel_size": 3, "seed": 12},
        {"x": (5, 3), "features": 3, "kernel_size": 2, "seed": 13},
    )

    def kernel_shape(self, c_in: int, features: int, kernel_size: int) -> tuple[int, ...]:
        return (kernel_size, c_in, features)

    def library_layer(self, fields: dict[str, int], **options: Any) -> nn.Module:
        return nn.Conv(
            fields["features"], (fields["kernel_size"],), **{"padding": "SAME", **options}
        )

    def kernel_hints(
        self, c_in: int, features: int, kernel_size: int
    ) -> dict[tuple[int, ...], Mistake]:
        return {
            (kernel_size, features, c_in): Mistake(
                "kernel-in-out-swapped",
                "the kernel is (W, O, I); Flax's layout is (W, I, O) = (kernel_size, C_in, features).",
            ),
            (features, c_in, kernel_size): Mistake(
                "kernel-in-torch-layout",
                "the kernel is in PyTorch's (O, I, W) layout; Flax's is (W, I, O) = "
                "(kernel_size, C_in, features).",
            ),
        }

    def output_mistakes(
        self, convolve: Any, kernel: jax.Array, fields: dict[str, int]
    ) -> dict[Mistake, Any]:
        _, c_in, features = kernel.shape
        found = {
            Mistake(
                "used-jnp-convolve",
                "the kernel is flipped, as jnp.convolve(..., mode='same') does: "
                "a conv layer is a cross-correlation",
            ): lambda: convolve(kernel=kernel[::-1], padding="SAME_LOWER")
        }
        if c_in == features:
            found[
                Mistake(
                    "kernel-in-out-swapped",
                    "the kernel is read as (W, O, I); Flax's layout is (W, I, O)",
                )
            ] = lambda: convolve(kernel=kernel.transpose(0, 2, 1))
        return found


MY_CONV1D = Conv1dLayer()


class Conv1dForward(LinenForward):
    """conv1d_forward(seed, x, features, kernel_size): MyConv1D initialised from PRNGKey(int(seed)), applied, flat."""

    name = "conv1d_forward"
    uses = ("MyConv1D",)
    layer = MY_CONV1D
    visible = ({"seed": 5.0, "x": (6, 2), "features": 4.0, "kernel_size": 3.0},)

    def mistakes(  # type: ignore[override]  # called with this exercise's inputs only
        self, seed: int, x: jax.Array, features: int, kernel_size: int
    ) -> dict[Mistake, Any]:
        return {
            Mistake(
                "features-kernel-size-swapped",
                "features and kernel_size are swapped: build MyConv1D(features, kernel_size)",
            ): lambda: self.library_forward(
                seed, x, features=kernel_size, kernel_size=features
            ).reshape(-1)
        }


CONV1D_MINIMAL_SIMPLE, CONV1D_MINIMAL = Conv1dMinimalSimple(), Conv1dMinimal()
CONV1D_FORWARD = Conv1dForward()
EXERCISES = ExerciseSet(CONV1D_MINIMAL_SIMPLE, CONV1D_MINIMAL, MY_CONV1D, CONV1D_FORWARD)

__all__ = ["EXERCISES"]
