"""03 · Padding: pad1d, pad2d and a strided, padded conv1d in PyTorch; conv_with_padding and same_padding in JAX.

`make release` copies this module, and the course modules it imports, into every student notebook.
conv_with_padding may use any library and same_padding may call jax.lax.padtype_to_pads, so their
references are not here: the grader computes them (`trusted_reference`), and the visible cases
state their expected values, and the outputs of known mistakes, as data.
"""

from typing import Any

import jax.numpy as jnp
import numpy as np
import torch
import torch.nn.functional as F

from course.exercises.convolutions import TorchConvolution
from course.exercises.tensors import TorchFunction
from course.judging.checks import (
    TOLERANCES,
    CheckFailed,
    Mistake,
    check_array,
    check_close,
    hint,
)
from course.judging.exercise import Call, Exercise, ExerciseSet, calling_with
from course.judging.forbidden import PADDING
from course.judging.payload import Opaque

# what torch says when x is copied into an empty slice
EMPTY_SLICE = "The expanded size of the tensor (0)"
WIDTH_SLICE_HINT = Mistake(
    "width-slice-minus-zero",
    "a slice like [left:-right] is empty when right == 0 (because -0 == 0); "
    "slice with [left:left + w] instead.",
)
HEIGHT_SLICE_HINT = Mistake(
    "height-slice-minus-zero",
    "a slice like [top:-bottom] is empty when bottom == 0 (because -0 == 0); "
    "slice with [top:top + h] instead.",
)
EMPTY_SLICES_HINT = Mistake(
    "slice-minus-zero",
    "a slice like [left:-right] or [top:-bottom] is empty when right or bottom == 0 "
    "(because -0 == 0); slice with [left:left + w] and [top:top + h] instead.",
)
PAD_DTYPE_MISTAKE = Mistake(
    "dtype-not-kept", "create the output with x's dtype and device (x.new_full does both)."
)
FLOAT32_TOLERANCES = TOLERANCES[np.dtype("float32")]


class PadFunction(TorchFunction):
    """A padding exercise: the answer returns a new torch tensor, with x's dtype, and may call no library padding."""

    tensors, keep_dtype, dtype_mistake = ("x",), "x", PAD_DTYPE_MISTAKE
    forbidden = PADDING

    def judge_value(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """A torch tensor is expected (x.new_full makes one); then compare as every torch exercise does."""
        kind = getattr(value, "kind", "Tensor")
        if kind != "Tensor":
            raise CheckFailed(f"{what} should return a torch tensor, got {kind}.")
        super().judge_value(case, call, value, what)


class Pad1d(PadFunction):
    """pad1d(x (b, c, w), left, right, pad_value), like F.pad(x, (left, right), value=pad_value)."""

    name = "pad1d"
    arguments = ("x", "left", "right", "pad_value")
    error_hints = {EMPTY_SLICE: WIDTH_SLICE_HINT}
    visible = (
        {
            "x": (1, 2, 3),
            "left": 2,
            "right": 1,
            "pad_value": -1.5,
            "seed": 1,
            "dtype": "float32",
            "values": "ints",
        },
        {
            "x": (1, 2, 3),
            "left": 3,
            "right": 0,
            "pad_value": 7.0,
            "seed": 2,
            "dtype": "float32",
            "values": "ints",
        },
        {"x": (1, 2, 3), "left": 0, "right": 2, "pad_value": 0.5, "seed": 3, "dtype": "float32"},
        {"x": (1, 2, 3), "left": 0, "right": 0, "pad_value": 9.0, "seed": 4, "dtype": "float32"},
        {"x": (1, 2, 3), "left": 1, "right": 2, "pad_value": -2.5, "seed": 5},
    )

    def reference(self, x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
        return F.pad(x.double(), (left, right), value=pad_value)

    def mistakes(
        self, x: torch.Tensor, left: int, right: int, pad_value: float
    ) -> dict[Mistake, Any]:
        xd = x.double()
        return {
            Mistake("padded-with-zeros", "padded with 0 instead of pad_value"): lambda: F.pad(
                xd, (left, right), value=0.0
            ),
            Mistake("left-right-swapped", "left and right are swapped"): lambda: F.pad(
                xd, (right, left), value=pad_value
            ),
            Mistake(
                "all-padding-after",
                "all the padding went after x: the first `left` entries are pad_value, then x, then `right` more",
            ): lambda: F.pad(xd, (0, left + right), value=pad_value),
            Mistake(
                "all-padding-before",
                "all the padding went before x: the first `left` entries are "
                "pad_value, then x, then `right` more",
            ): lambda: F.pad(xd, (left + right, 0), value=pad_value),
            Mistake(
                "padded-batch-axis",
                "padded the first axis that F.pad-style tuples name last: pad the last axis (width)",
            ): lambda: F.pad(xd.transpose(0, 2), (left, right), value=pad_value).transpose(0, 2),
            Mistake(
                "padded-channel-axis",
                "padded the channel axis (dimension 1): pad the last axis (width)",
            ): lambda: F.pad(xd.transpose(1, 2), (left, right), value=pad_value).transpose(1, 2),
            Mistake(
                WIDTH_SLICE_HINT.id,
                f"x is missing from the output (every entry is pad_value): {WIDTH_SLICE_HINT}",
            ): lambda: torch.full_like(F.pad(xd, (left, right)), pad_value),
        }

    def shape_hints(
        self, x: torch.Tensor, left: int, right: int, pad_value: float
    ) -> dict[tuple[int, ...], Mistake]:
        b, c, w = x.shape
        hints: dict[tuple[int, ...], Mistake] = {
            (b, c, w): Mistake(
                "nothing-padded",
                "nothing was padded: the output has left + w + right entries along the last axis.",
            ),
            (b, c, left + w): Mistake(
                "right-pad-missing", "the `right` pad elements are missing at the end."
            ),
            (b, c, w + right): Mistake(
                "left-pad-missing", "the `left` pad elements are missing at the start."
            ),
        }
        if left == right:
            hints[(b, c, w + left)] = Mistake(
                "one-side-pad-missing",
                "one side's padding is missing: the output has left + w + right entries.",
            )
        return hints


class Pad2d(PadFunction):
    """pad2d(x (b, c, h, w), left, right, top, bottom, pad_value), like F.pad(x, (left, right, top, bottom))."""

    name = "pad2d"
    uses = ("pad1d",)
    arguments = ("x", "left", "right", "top", "bottom", "pad_value")
    visible = (
        {
            "x": (1, 1, 2, 3),
            "left": 1,
            "right": 2,
            "top": 3,
            "bottom": 1,
            "pad_value": -1.0,
            "seed": 6,
            "dtype": "float32",
            "values": "ints",
        },
        {
            "x": (1, 1, 2, 3),
            "left": 0,
            "right": 1,
            "top": 2,
            "bottom": 0,
            "pad_value": 4.5,
            "seed": 7,
            "dtype": "float32",
            "values": "ints",
        },
        {
            "x": (1, 1, 2, 3),
            "left": 2,
            "right": 0,
            "top": 0,
            "bottom": 1,
            "pad_value": -3.0,
            "seed": 8,
            "dtype": "float32",
        },
        {
            "x": (1, 1, 2, 3),
            "left": 0,
            "right": 0,
            "top": 0,
            "bottom": 0,
            "pad_value": 8.0,
            "seed": 9,
            "dtype": "float32",
        },
        {
            "x": (1, 1, 2, 3),
            "left": 2,
            "right": 1,
            "top": 0,
            "bottom": 3,
            "pad_value": -0.5,
            "seed": 10,
        },
    )

    def explain_error(self, what: str, raised: str) -> str:
        """An empty slice in the height (dimension 2) or the width (dimension 3) gets its own hint."""
        if EMPTY_SLICE in raised:
            mistake = HEIGHT_SLICE_HINT if "dimension 2" in raised else WIDTH_SLICE_HINT
            return f"{what} raised {raised}{hint(mistake)}"
        return super().explain_error(what, raised)

    def reference(
        self, x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float
    ) -> torch.Tensor:
        return F.pad(x.double(), (left, right, top, bottom), value=pad_value)

    def mistakes(
        self, x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float
    ) -> dict[Mistake, Any]:
        xd = x.double()
        return {
            Mistake("padded-with-zeros", "padded with 0 instead of pad_value"): lambda: F.pad(
                xd, (left, right, top, bottom), value=0.0
            ),
            Mistake(
                "height-width-swapped",
                "height and width are swapped: left/right pad the width (last axis), top/bottom the height",
            ): lambda: F.pad(xd, (top, bottom, left, right), value=pad_value),
            Mistake("left-right-swapped", "left and right are swapped"): lambda: F.pad(
                xd, (right, left, top, bottom), value=pad_value
            ),
            Mistake("top-bottom-swapped", "top and bottom are swapped"): lambda: F.pad(
                xd, (left, right, bottom, top), value=pad_value
            ),
            Mistake(
                "padded-batch-channel-axes",
                "padded the batch and channel axes, which F.pad-style tuples name last: left/right pad the width "
                "(last axis), top/bottom the height",
            ): lambda: F.pad(
                xd.permute(2, 3, 0, 1), (left, right, top, bottom), value=pad_value
            ).permute(2, 3, 0, 1),
            Mistake(
                EMPTY_SLICES_HINT.id,
                f"x is missing from the output (every entry is pad_value): {EMPTY_SLICES_HINT}",
            ): lambda: torch.full_like(F.pad(xd, (left, right, top, bottom)), pad_value),
        }

    def shape_hints(
        self, x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float
    ) -> dict[tuple[int, ...], Mistake]:
        b, c, h, w = x.shape
        return {
            (b, c, top + h + bottom, w): Mistake(
                "width-not-padded",
                "only the height was padded: left/right pad the width (last axis) too.",
            ),
            (b, c, h, left + w + right): Mistake(
                "height-not-padded",
                "only the width was padded: top/bottom pad the height (dimension 2) too.",
            ),
        }


class Conv1d(TorchConvolution):
    """conv1d(x (b, ic, w), weights (oc, ic, k), stride=1, padding=0), like F.conv1d with no bias."""

    name = "conv1d"
    uses = ("pad1d",)
    arguments = ("x", "weights", "stride", "padding")
    error_hints = {
        **TorchConvolution.error_hints,
        "required positional argument": Mistake(
            "signature-lacks-defaults",
            "keep the signature conv1d(x, weights, stride=1, padding=0): "
            "stride and padding have defaults.",
        ),
    }
    visible = (
        {"x": (1, 2, 7), "weights": (2, 2, 3), "seed": 11, "values": "ints"},
        {
            "x": (1, 2, 7),
            "weights": (2, 2, 3),
            "stride": 2,
            "padding": 0,
            "seed": 12,
            "values": "ints",
        },
        {
            "x": (1, 2, 7),
            "weights": (2, 2, 3),
            "stride": 1,
            "padding": 1,
            "seed": 13,
            "dtype": "float32",
        },
        {"x": (1, 2, 7), "weights": (2, 2, 3), "stride": 2, "padding": 1, "seed": 14},
        {
            "x": (1, 2, 7),
            "weights": (2, 2, 3),
            "stride": 3,
            "padding": 2,
            "seed": 15,
            "dtype": "float32",
        },
    )

    def convolve(
        self, x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0
    ) -> torch.Tensor:
        return F.conv1d(x, weights, stride=stride, padding=padding)

    def mistakes(  # type: ignore[override]  # called with this exercise's inputs only
        self, x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0
    ) -> dict[Mistake, Any]:
        xd, wd = x.double(), weights.double()

        def conv(t: torch.Tensor = xd, s: int = stride, p: int = padding) -> Any:
            return lambda: F.conv1d(t, wd, stride=s, padding=p)

        return {
            Mistake(
                "stride-ignored",
                "the stride is ignored: windows must start every `stride` elements",
            ): conv(s=1),
            Mistake(
                "padding-ignored", "the padding is ignored: pad `padding` zeros on both sides first"
            ): conv(p=0),
            Mistake(
                "padded-left-only", "padded on the left only: padding=p puts p zeros on each side"
            ): conv(F.pad(xd, (padding, 0)), p=0),
            Mistake(
                "output-size-ignores-padding",
                "the output count leaves out the padding: there are ⌊(w + 2p - k) / s⌋ + 1 outputs, counted on the "
                "padded width",
            ): lambda: conv()()[..., : max((x.shape[-1] - weights.shape[-1]) // stride + 1, 0)],
            Mistake(
                "output-size-missing-plus-one",
                "one window too few: there are ⌊(w + 2p - k) / s⌋ + 1 outputs (window 0 counts too)",
            ): lambda: conv()()[..., :-1],
            **super().mistakes(x, weights, stride=stride, padding=padding),
        }


class ConvWithPadding(Exercise):
    """conv_with_padding(x (L,), kernel (K,), padding_mode): 0.0 is "VALID", 1.0 is "SAME", as conv_general_dilated."""

    # A case's x and kernel are values (a tuple) or a length, drawn as float32 from its seed; "numpy": True passes
    # NumPy arrays. A visible case states its "expected" output and, under "mistakes", known mistakes' outputs.
    name = "conv_with_padding"
    trusted_reference = "course.grading.references.conv_with_padding"
    MISTAKES = {
        "flipped": Mistake(
            "kernel-flipped",
            "the kernel is flipped (jnp.convolve does that); conv_general_dilated does not flip",
        ),
        "front": Mistake(
            "same-odd-cell-at-start",
            'the odd extra pad element is at the front (as with jnp.correlate(..., "same")); '
            '"SAME" puts it at the end',
        ),
        "convolve": Mistake(
            "used-jnp-convolve",
            'jnp.convolve(..., "same") flips the kernel and puts the odd extra pad element at the front; '
            '"SAME" in conv_general_dilated does neither',
        ),
    }
    visible = (
        {
            "x": (1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0),
            "kernel": (1.0, 0.0, -1.0, 2.0),
            "padding_mode": 0.0,
            "expected": (6.0, 8.0, 10.0, 12.0),
            "mistakes": {"flipped": (4.0, 6.0, 8.0, 10.0)},
        },
        {
            "x": (1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0),
            "kernel": (1.0, 0.0, -1.0, 2.0),
            "padding_mode": 1.0,
            "expected": (4.0, 6.0, 8.0, 10.0, 12.0, -2.0, 6.0),
            "mistakes": {
                "flipped": (2.0, 4.0, 6.0, 8.0, 10.0, 4.0, 5.0),
                "front": (3.0, 4.0, 6.0, 8.0, 10.0, 12.0, -2.0),
                "convolve": (2.0, 2.0, 4.0, 6.0, 8.0, 10.0, 4.0),
            },
        },
        {
            "x": (1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0),
            "kernel": (0.5, -2.0, 1.0),
            "padding_mode": 0.0,
            "expected": (-0.5, -1.0, -1.5, -2.0, -2.5),
            "mistakes": {"flipped": (-1.5, -2.0, -2.5, -3.0, -3.5)},
        },
        {
            "x": (1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0),
            "kernel": (0.5, -2.0, 1.0),
            "padding_mode": 1.0,
            "expected": (0.0, -0.5, -1.0, -1.5, -2.0, -2.5, -11.0),
            "mistakes": {"flipped": (-1.0, -1.5, -2.0, -2.5, -3.0, -3.5, -8.0)},
        },
    )

    def inputs(self, case: dict[str, Any]) -> dict[str, Any]:
        """x and kernel as float32 arrays (JAX, or NumPy if the case says so), then padding_mode."""
        rng = np.random.default_rng(case.get("seed", 0))
        x, kernel = (
            np.asarray(case[name], np.float32)
            if isinstance(case[name], tuple)
            else (rng.standard_normal(case[name]) * scale + shift).astype(np.float32)
            for name, scale, shift in (("x", 2.0, -0.5), ("kernel", 1.0, -0.25))
        )
        if not case.get("numpy"):
            x, kernel = jnp.asarray(x), jnp.asarray(kernel)
        return {"x": x, "kernel": kernel, "padding_mode": case["padding_mode"]}

    def calls(self, case: dict[str, Any]) -> list[Call]:
        """One call, positional as the contract says."""
        args = self.inputs(case)
        return [Call("call", lambda answer: answer(*args.values()), args)]

    def describe(self, case: dict[str, Any], label: str) -> str:
        """E.g. "conv_with_padding(x [1.0, 2.0, 3.0], kernel [1.0, 0.5], 1.0)" or "(NumPy x (9,), ...)"."""
        kind = "NumPy " if case.get("numpy") else ""
        shown = [
            f"{kind}{name} {list(case[name]) if isinstance(case[name], tuple) else (case[name],)}"
            for name in ("x", "kernel")
        ]
        return f"{self.name}({shown[0]}, {shown[1]}, {case['padding_mode']!r})"

    def mistake_outputs(
        self, case: dict[str, Any], x: np.ndarray, kernel: np.ndarray
    ) -> dict[str, Any]:
        """Outputs of known mistakes by MISTAKES key: a visible case's data, else the trusted reference transformed."""
        if "expected" in case:
            return case.get("mistakes", {})
        mode = case["padding_mode"]

        def reference(signal: np.ndarray, taps: np.ndarray) -> Any:
            return lambda: self.reference(x=signal, kernel=taps, padding_mode=mode)

        found = {"flipped": reference(x, kernel[::-1])}
        if mode == 1.0:
            found["front"] = lambda: reference(x[::-1], kernel[::-1])()[::-1]
            found["convolve"] = lambda: reference(x[::-1], kernel)()[::-1]
        return found

    def judge_value(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """Check the output's length first (VALID: L - K + 1, SAME: L), then its values."""
        x, kernel, mode = (
            np.asarray(call.args["x"]),
            np.asarray(call.args["kernel"]),
            call.args["padding_mode"],
        )
        expected = (
            np.asarray(case["expected"], np.float32)
            if "expected" in case
            else self.reference(x=x, kernel=kernel, padding_mode=mode)
        )
        got = check_array(value, what)
        if got.shape != expected.shape:
            raise CheckFailed(
                f"{what}: expected shape {expected.shape}, got {got.shape}."
                f"{self.length_message(x.size, kernel.size, mode, got, expected.size)}"
            )
        mistakes = {
            self.MISTAKES[key]: output
            for key, output in self.mistake_outputs(case, x, kernel).items()
        }
        check_close(got, expected, what, mistakes, None, *FLOAT32_TOLERANCES)

    def length_message(
        self, length: int, width: int, mode: float, got: np.ndarray, count: int
    ) -> str:
        """How many values each mode gives, and the likely mistake behind a wrong length."""
        same = mode == 1.0
        text = (
            f"\n{'SAME gives L = ' if same else 'VALID gives L - K + 1 = '}{count} values for L={length}, "
            f"K={width} (padding_mode 0.0 is VALID, 1.0 is SAME); return a 1-D array."
        )
        if got.ndim == 1 and width > 1 and got.size == (length - width + 1 if same else length):
            return text + hint(
                Mistake(
                    "valid-same-swapped",
                    f'VALID and SAME are swapped: padding_mode {mode} means "{"SAME" if same else "VALID"}"',
                )
            )
        if got.ndim == 1 and same and width % 2 == 0 and got.size == length + 1:
            return text + hint(
                Mistake(
                    "padded-half-kernel-both-sides",
                    "padded K // 2 on both sides, one too many for an even kernel: SAME pads K - 1 in "
                    "total at stride 1, the odd element at the end",
                )
            )
        if got.ndim > 1 and got.size == count:
            return text + hint(
                Mistake(
                    "batch-channel-axes-kept",
                    "the batch and channel axes are still there: drop them from the result ([0, 0]).",
                )
            )
        return text


def integer_pair(value: Any) -> tuple[int, int] | None:
    """`value` as a pair of Python ints if it is a tuple or list of two integral numbers, else None."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return None
    pair = []
    for item in value:
        number = item.item() if isinstance(item, np.ndarray) and item.shape == () else item
        if (
            isinstance(number, bool)
            or not isinstance(number, (int, float))
            or not float(number).is_integer()
        ):
            return None
        pair.append(int(number))
    return pair[0], pair[1]


def plain(value: Any) -> Any:
    """`value` for a message: 0-d arrays as Python numbers (inside tuples and lists too), small arrays as text."""
    if isinstance(value, np.ndarray):
        return value.item() if value.shape == () else Opaque(f"array {value.tolist()!r:.60}")
    return type(value)(plain(item) for item in value) if isinstance(value, (tuple, list)) else value


class SamePadding(Exercise):
    """same_padding(size, kernel, stride) -> (low, high), the pads of JAX's "SAME" on one axis."""

    # A visible case gives size, kernel, stride and the "expected" pair; a hidden case gives one stride and
    # tuples of "sizes" and "kernels", and tries every combination.
    name = "same_padding"
    trusted_reference = "course.grading.references.same_padding"
    visible = (
        {"size": 7, "kernel": 4, "stride": 1, "expected": (1, 2)},
        {"size": 7, "kernel": 3, "stride": 1, "expected": (1, 1)},
        {"size": 7, "kernel": 3, "stride": 3, "expected": (1, 1)},
        {"size": 8, "kernel": 3, "stride": 3, "expected": (0, 1)},
        {"size": 9, "kernel": 3, "stride": 3, "expected": (0, 0)},
        {"size": 6, "kernel": 2, "stride": 4, "expected": (0, 0)},
        {"size": 5, "kernel": 2, "stride": 4, "expected": (0, 1)},
        {"size": 6, "kernel": 1, "stride": 4, "expected": (0, 0)},
        {"size": 2, "kernel": 5, "stride": 1, "expected": (2, 2)},
        {"size": 10, "kernel": 4, "stride": 2, "expected": (1, 1)},
        {"size": 1, "kernel": 1, "stride": 1, "expected": (0, 0)},
    )

    def calls(self, case: dict[str, Any]) -> list[Call]:
        """One call per (size, kernel) of the case, with its stride."""
        stride = case["stride"]
        combinations = (
            [(case["size"], case["kernel"])]
            if "size" in case
            else [(size, kernel) for size in case["sizes"] for kernel in case["kernels"]]
        )
        return [
            Call(
                f"{self.name}({size}, {kernel}, {stride})",
                calling_with(size, kernel, stride),
                {"size": size, "kernel": kernel, "stride": stride},
            )
            for size, kernel in combinations
        ]

    def describe(self, case: dict[str, Any], label: str) -> str:
        """The call itself, e.g. "same_padding(7, 4, 1)"."""
        return label

    def judge_value(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """Compare the pair with SAME's pads; name the likely mistake from what the returned pads would do."""
        expected = tuple(case["expected"]) if "expected" in case else self.reference(**call.args)
        got = integer_pair(value)
        if got is None:
            shown = plain(value)
            raise CheckFailed(
                f"{what} should return a pair (low, high) of ints, got {shown!r:.80}."
                f"{hint(self.form_mistake(shown, sum(expected)))}"
            )
        if got != expected:
            mistake = self.mistake(got, expected, **call.args)
            raise CheckFailed(f"{what}: expected {expected}, got {got}.{hint(mistake)}")

    def form_mistake(self, shown: Any, total: int) -> Mistake | None:
        """The likely mistake behind a value that is not a pair of ints, or None."""
        if shown is None:
            return Mistake("forgot-return", "did you forget `return`?")
        if isinstance(shown, (int, float)) and not isinstance(shown, bool) and shown == total:
            return Mistake(
                "returned-total-pad",
                "this looks like the total pad: split it into (low, high), the odd element at the end.",
            )
        if isinstance(shown, (tuple, list)) and any(isinstance(item, float) for item in shown):
            return Mistake(
                "used-true-division",
                "the pads are not whole numbers: `/` gives floats; count the outputs with // or math.ceil.",
            )
        if isinstance(shown, Opaque) and shown.description.startswith("array "):
            return Mistake(
                "returned-array", "return a tuple of two ints, not an array: (int(low), int(high))."
            )
        return None

    def mistake(
        self, got: tuple[int, int], expected: tuple[int, int], size: int, kernel: int, stride: int
    ) -> Mistake | None:
        """The likely mistake behind a wrong pair, from its signs, its order and the output count it gives, or None."""
        if min(got) < 0:
            return Mistake(
                "total-pad-not-clamped", "the total pad is negative: clamp it with max(..., 0)"
            )
        if got == expected[::-1]:
            return Mistake(
                "same-odd-cell-at-start",
                "the odd extra element is at the front; SAME puts it at the end (low = total // 2)",
            )
        count, right = ((size + sum(pads) - kernel) // stride + 1 for pads in (got, expected))
        if count != right and count == size:
            return Mistake(
                "output-length-ignores-stride",
                "the output length was taken as size, ignoring the stride; SAME keeps ceil(size / stride) outputs",
            )
        if count != right and count == size // stride:
            return Mistake(
                "output-length-rounded-down",
                "the output length was rounded down (size // stride); SAME rounds up: ceil(size / stride)",
            )
        if got[0] == got[1] == sum(expected) // 2 and sum(expected) % 2:
            return Mistake(
                "same-odd-cell-dropped",
                "the odd extra element was dropped (both pads are total // 2): high = total - low",
            )
        if sum(got) == sum(expected):
            return Mistake(
                "total-pad-split-wrongly",
                "the total pad is right but split wrongly: low = total // 2, and the rest (high) at the end",
            )
        if sum(got) == kernel - 1:
            return Mistake(
                "total-pad-kernel-minus-one",
                "the total pad was taken as kernel - 1, which holds only for stride 1",
            )
        if count != right:
            return Mistake(
                "pads-give-wrong-count",
                f"these pads give {count} outputs of stride {stride}; SAME keeps ceil({size} / {stride}) = {right}",
            )
        return None


PAD1D, PAD2D, CONV1D = Pad1d(), Pad2d(), Conv1d()
CONV_WITH_PADDING, SAME_PADDING = ConvWithPadding(), SamePadding()
EXERCISES = ExerciseSet(PAD1D, PAD2D, CONV1D, CONV_WITH_PADDING, SAME_PADDING)

__all__ = ["EXERCISES"]
