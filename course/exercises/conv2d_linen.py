"""04 · Conv2d: force_pair, conv2d_minimal and a strided, padded conv2d in PyTorch; MyConv2D in Flax Linen.

`make release` copies this module, and the course modules it imports, into every student notebook.
force_pair has no library function to compare with: its visible cases state their outcome as data
(the pair it must return, or that it must raise ValueError), and its hidden cases are judged by a
reference that only the grader has (`course.grading.references`).
"""

import copy
import math
from typing import Any

import flax.linen as nn
import jax
import torch
import torch.nn.functional as F
from torch.nn.modules.utils import _pair

from course.exercises.convolutions import OFF_BY_ONE, TorchConvolution
from course.exercises.linen import LinenForward, LinenLayer
from course.judging.checks import CheckFailed, Mistake, check_equal, hint
from course.judging.exercise import EVERY_CALL, NOT_WRITTEN, Call, Exercise, ExerciseSet, Record

RAISES = "raises"  # what force_pair must do with anything but an int or a 2-tuple


class ForcePair(Exercise):
    """force_pair(v): an int gives (v, v), a 2-tuple its two ints, anything else raises ValueError."""

    name = "force_pair"
    trusted_reference = "course.grading.references.force_pair"
    visible = (
        {"v": 3, "expected": (3, 3)},
        {"v": 0, "expected": (0, 0)},
        {"v": (2, 5), "expected": (2, 5)},
        {"v": [2, 5], "raises": "ValueError"},
        {"v": (1, 2, 3), "raises": "ValueError"},
        {"v": "ab", "raises": "ValueError"},
        {"v": None, "raises": "ValueError"},
    )

    def inputs(self, case: dict[str, Any]) -> dict[str, Any]:
        return {"v": case["v"]}

    def calls(self, case: dict[str, Any]) -> list[Call]:
        """One call, on a copy of the case's value; any ValueError (a subclass too) is reported as ValueError."""
        value = copy.deepcopy(case["v"])

        def invoke(answer: Any) -> Any:
            try:
                return answer(value)
            except ValueError as error:
                raise ValueError(str(error)) from None

        return [Call("force_pair", invoke)]

    def describe(self, case: dict[str, Any], label: str) -> str:
        return f"force_pair({case['v']!r})"

    def reference(self, **args: Any) -> Any:
        """The pair the grader's reference returns, or RAISES where it raises ValueError."""
        try:
            return super().reference(**args)
        except ValueError:
            return RAISES

    def expected(self, case: dict[str, Any]) -> Any:
        """What a case states (a pair, or that it raises), else what the grader's reference says."""
        return RAISES if case.get("raises") else super().expected(case)

    def judge(self, case: dict[str, Any], record: Record, steps: slice = EVERY_CALL) -> None:
        """A case that must raise passes on ValueError; every other outcome is judged as usual."""
        raised = record.outcomes[0].raised if len(record.outcomes) == 1 else None
        if (
            raised is not None
            and not record.forbidden
            and not raised.startswith(NOT_WRITTEN)
            and self.expected(case) == RAISES
        ):
            if not raised.startswith("ValueError"):
                raise CheckFailed(f"{self.describe(case, '')}: expected ValueError, got {raised}")
            return
        super().judge(case, record, steps)

    def judge_value(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        expected = self.expected(case)
        if expected == RAISES:
            raise CheckFailed(f"{what}: expected ValueError, but it returned {value!r}.")
        mistake = (
            Mistake("returned-list", "return a tuple (height, width), not a list.")
            if isinstance(value, list)
            else Mistake(
                "pair-reversed", "the pair came back reversed: keep (height, width) in order."
            )
            if value == expected[::-1]
            else None
        )
        check_equal(value, expected, what, mistake)
        if not all(type(item) is int for item in value):
            not_ints = Mistake("elements-not-ints", "both elements should be ints.")
            raise CheckFailed(f"{what}: expected two ints, got {value!r}.{hint(not_ints)}")


class Conv2dMinimal(TorchConvolution):
    """F.conv2d(x, weights) for x (b, ic, h, w) and weights (oc, ic, kh, kw): no bias, stride 1, no padding."""

    name = "conv2d_minimal"
    flip_dims = (-2, -1)
    visible = (
        {"x": (2, 3, 5, 6), "weights": (4, 3, 2, 3), "seed": 21, "values": "ints"},
        {"x": (1, 2, 4, 5), "weights": (2, 2, 3, 2), "seed": 22, "dtype": "float32"},
    )

    def convolve(self, x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
        return F.conv2d(x, weights)

    def shape_hints(self, x: torch.Tensor, weights: torch.Tensor) -> dict[tuple[int, ...], Mistake]:
        (b, _, h, w), (oc, _, kh, kw) = x.shape, weights.shape
        return {
            (b, oc, h - kw + 1, w - kh + 1): Mistake(
                "kernel-hw-swapped",
                "kh and kw are swapped: weights are (oc, ic, kh, kw), kh for the height.",
            ),
            (b, oc, h - kh, w - kw): OFF_BY_ONE,
            (b, oc, h - kh + 2, w - kw + 2): OFF_BY_ONE,
        }


class Conv2d(TorchConvolution):
    """F.conv2d(x, weights, stride=stride, padding=padding), no bias; stride and padding are ints or (h, w) pairs."""

    name = "conv2d"
    uses = ("force_pair", "conv2d_minimal")
    arguments = ("x", "weights", "stride", "padding")
    flip_dims = (-2, -1)
    visible = (
        {
            "x": (1, 2, 5, 6),
            "weights": (3, 2, 2, 3),
            "stride": (2, 3),
            "padding": (1, 2),
            "seed": 11,
            "values": "ints",
        },
        {"x": (1, 2, 5, 6), "weights": (3, 2, 2, 3), "stride": 2, "padding": 1, "seed": 12},
        {
            "x": (1, 2, 5, 6),
            "weights": (3, 2, 2, 3),
            "stride": (1, 2),
            "padding": 0,
            "seed": 13,
            "dtype": "float32",
        },
        {"x": (1, 2, 5, 6), "weights": (3, 2, 2, 3), "stride": 1, "padding": (2, 0), "seed": 14},
        {"x": (1, 2, 5, 6), "weights": (3, 2, 2, 3), "seed": 15},
    )

    def convolve(
        self, x: torch.Tensor, weights: torch.Tensor, stride: Any = 1, padding: Any = 0
    ) -> torch.Tensor:
        return F.conv2d(x, weights, stride=stride, padding=padding)

    def mistakes(  # type: ignore[override]  # called with this exercise's inputs only
        self, x: torch.Tensor, weights: torch.Tensor, stride: Any = 1, padding: Any = 0
    ) -> dict[Mistake, Any]:
        (sh, sw), (ph, pw) = _pair(stride), _pair(padding)

        def convolve(steps: Any, pads: Any, inputs: torch.Tensor = x) -> torch.Tensor:
            return self.reference(inputs, weights, stride=steps, padding=pads)

        return {
            Mistake(
                "stride-hw-swapped",
                "the stride pair is used as (width, height): height and width strides are swapped",
            ): lambda: convolve((sw, sh), (ph, pw)),
            Mistake(
                "padding-hw-swapped",
                "the padding pair is used as (width, height): height and width paddings are swapped "
                "(F.pad takes (left, right, top, bottom))",
            ): lambda: convolve((sh, sw), (pw, ph)),
            Mistake(
                "height-width-swapped",
                "both pairs are used as (width, height): stride and padding are "
                "swapped (check force_pair's order)",
            ): lambda: convolve((sw, sh), (pw, ph)),
            Mistake("stride-on-height-only", "the stride is applied to the height only"): lambda: (
                convolve((sh, 1), (ph, pw))
            ),
            Mistake("stride-on-width-only", "the stride is applied to the width only"): lambda: (
                convolve((1, sw), (ph, pw))
            ),
            Mistake("stride-ignored", "the stride is ignored"): lambda: convolve(1, (ph, pw)),
            Mistake("padding-ignored", "the padding is ignored"): lambda: convolve((sh, sw), 0),
            Mistake(
                "padding-on-one-side",
                "all the padding went on one side (bottom/right); pad each axis on both sides",
            ): lambda: convolve((sh, sw), 0, F.pad(x, (0, 2 * pw, 0, 2 * ph))),
            **super().mistakes(x, weights, stride=stride, padding=padding),
        }


class Conv2dLayer(LinenLayer):
    """The Linen layer MyConv2D(features, kernel_h, kernel_w, stride) on one image x (H, W, C_in): HWIO, "SAME"."""

    name = "MyConv2D"
    fields = ("features", "kernel_h", "kernel_w", "stride")
    kernel_layout = "(kernel_h, kernel_w, C_in, features)"
    dimension_numbers = '("NHWC", "HWIO", "NHWC")'
    visible = (
        {"x": (8, 7, 2), "features": 4, "kernel_h": 3, "kernel_w": 2, "stride": 2, "seed": 4},
    )

    def kernel_shape(
        self, c_in: int, features: int, kernel_h: int, kernel_w: int, stride: int
    ) -> tuple[int, ...]:
        return (kernel_h, kernel_w, c_in, features)

    def library_layer(self, fields: dict[str, int], **options: Any) -> nn.Module:
        settings = {"strides": fields["stride"], "padding": "SAME", **options}
        return nn.Conv(fields["features"], (fields["kernel_h"], fields["kernel_w"]), **settings)

    def kernel_hints(
        self, c_in: int, features: int, kernel_h: int, kernel_w: int, stride: int
    ) -> dict[tuple[int, ...], Mistake]:
        return {
            (features, c_in, kernel_h, kernel_w): Mistake(
                "kernel-in-torch-layout",
                "the kernel is in PyTorch's (C_out, C_in, kh, kw) layout; "
                "Flax's HWIO is (kernel_h, kernel_w, C_in, features).",
            ),
            (kernel_w, kernel_h, c_in, features): Mistake(
                "kernel-hw-swapped", "kernel_h and kernel_w are swapped in the kernel shape."
            ),
            (kernel_h, kernel_w, features, c_in): Mistake(
                "kernel-in-out-swapped",
                "C_in and features are swapped: HWIO puts the input channels third.",
            ),
        }

    def output_mistakes(
        self, convolve: Any, kernel: jax.Array, fields: dict[str, int]
    ) -> dict[Mistake, Any]:
        stride, (kh, kw) = fields["stride"], kernel.shape[:2]
        return {
            Mistake("stride-on-height-only", "the stride is applied to the height only"): lambda: (
                convolve(strides=(stride, 1))
            ),
            Mistake("stride-on-width-only", "the stride is applied to the width only"): lambda: (
                convolve(strides=(1, stride))
            ),
            Mistake(
                "padded-half-kernel-both-sides",
                "each axis is padded by kernel // 2 on both sides, as PyTorch's padding=k // 2 does",
            ): lambda: convolve(padding=[(kh // 2, kh // 2), (kw // 2, kw // 2)]),
        }

    def output_shape_hints(
        self, x_shape: tuple[int, ...], features: int, kernel_h: int, kernel_w: int, stride: int
    ) -> dict[tuple[int, ...], Mistake]:
        height, width = x_shape[:2]
        up_h, up_w = math.ceil(height / stride), math.ceil(width / stride)
        one_axis = Mistake("stride-on-one-axis-only", "the stride is applied to one axis only.")
        return {
            (height, width, features): Mistake("stride-ignored", "the stride is not applied."),
            (up_h, width, features): one_axis,
            (height, up_w, features): one_axis,
            ((height - kernel_h) // stride + 1, (width - kernel_w) // stride + 1, features): (
                Mistake("valid-instead-of-same", 'padding "VALID" (no padding) instead of "SAME".')
            ),
            (height // stride, width // stride, features): Mistake(
                "output-size-rounded-down",
                'H // stride instead of ceil(H / stride) outputs per axis: "SAME" padding gives '
                'ceil(H / stride); "VALID" or a hand-made padding gives too few.',
            ),
        }


MY_CONV2D = Conv2dLayer()


class Conv2dForward(LinenForward):
    """conv2d_forward(seed, x, features, kernel_h, kernel_w, stride): MyConv2D initialised, applied, flattened."""

    name = "conv2d_forward"
    uses = ("MyConv2D",)
    layer = MY_CONV2D
    visible = (
        {
            "seed": 1.0,
            "x": (8, 5, 2),
            "features": 4.0,
            "kernel_h": 3.0,
            "kernel_w": 2.0,
            "stride": 3.0,
        },
    )

    def mistakes(  # type: ignore[override]  # called with this exercise's inputs only
        self, seed: int, x: jax.Array, features: int, kernel_h: int, kernel_w: int, stride: int
    ) -> dict[Mistake, Any]:
        fields = {
            "features": features,
            "kernel_h": kernel_h,
            "kernel_w": kernel_w,
            "stride": stride,
        }
        return {
            Mistake("stride-ignored", "the stride is not used"): lambda: self.library_forward(
                seed, x, **{**fields, "stride": 1}
            ).reshape(-1),
            Mistake("kernel-hw-swapped", "kernel_h and kernel_w are swapped"): lambda: (
                self.library_forward(
                    seed, x, **{**fields, "kernel_h": kernel_w, "kernel_w": kernel_h}
                ).reshape(-1)
            ),
        }


FORCE_PAIR, CONV2D_MINIMAL, CONV2D, CONV2D_FORWARD = (
    ForcePair(),
    Conv2dMinimal(),
    Conv2d(),
    Conv2dForward(),
)
EXERCISES = ExerciseSet(FORCE_PAIR, CONV2D_MINIMAL, CONV2D, MY_CONV2D, CONV2D_FORWARD)

__all__ = ["EXERCISES"]
