"""06 · Max pooling: maxpool2d in PyTorch (-inf padding, any layout) and maxpool2d_jax with lax.reduce_window.

`make release` copies this module, and the course modules it imports, into every student notebook.
"""

import math
from typing import Any

import flax.linen
import jax
import jax.numpy as jnp
import numpy as np
import torch
import torch.nn.functional as F
from torch.nn.modules.utils import _pair

from course.exercises.tensors import (
    SCALE,
    SHIFT,
    TorchFunction,
    as_if_contiguous,
    from_storage_start,
)
from course.judging.checks import Mistake, check_close, check_dtype
from course.judging.exercise import Call, Exercise, ExerciseSet, compute_candidates
from course.judging.forbidden import MAX_POOLING, MAX_POOLING_LAYER

# a case's `values`: all entries below -0.5, so that no zero padding can go unnoticed
NEGATIVE = "negative"
PAIR_HINT = "may each be an int or an (h, w) tuple; turn an int v into (v, v) first."
# Parts of the errors that code written for ints only (or for pairs only) raises, and those of float sizes.
PAIR_ERRORS = ("non-iterable int", "'int' object", "tuple", "inhomogeneous")
FLOAT_SIZE_ERRORS = dict.fromkeys(
    ("of type float", "got float", "'float' object"),
    Mistake(
        "used-true-division",
        "sizes and strides must be ints: compute the output size with //, not /.",
    ),
)
PAIR_MISTAKE = "int-or-pair-not-handled"  # the id of the mistakes that PAIR_ERRORS show


def swapped(value: Any) -> tuple[int, int]:
    """An int-or-(h, w) argument with its height and width exchanged."""
    return _pair(value)[::-1]


class MaxPool2d(TorchFunction):
    """maxpool2d(x, kernel_size, stride=None, padding=0), like F.max_pool2d, in every memory layout of x."""

    name = "maxpool2d"
    arguments = ("x", "kernel_size", "stride", "padding")
    tensors, keep_dtype = ("x",), "x"
    forbidden = MAX_POOLING
    dtype_mistake = Mistake(
        "dtype-not-kept",
        "keep the input's dtype: build the -inf padded tensor (and any buffer) with x.dtype.",
    )
    error_hints = {
        **TorchFunction.error_hints,
        "required positional argument": Mistake(
            "signature-lacks-defaults",
            "keep the signature maxpool2d(x, kernel_size, stride=None, "
            "padding=0): stride and padding have defaults.",
        ),
        **FLOAT_SIZE_ERRORS,
        **dict.fromkeys(
            PAIR_ERRORS, Mistake(PAIR_MISTAKE, f"kernel_size, stride and padding {PAIR_HINT}")
        ),
    }
    visible = (
        {"x": (1, 2, 5, 6), "kernel_size": 2, "seed": 11, "values": NEGATIVE},
        {
            "x": (1, 2, 5, 6),
            "kernel_size": 3,
            "stride": 2,
            "padding": 1,
            "seed": 12,
            "values": NEGATIVE,
        },
        {"x": (2, 2, 5, 6), "kernel_size": (2, 3), "stride": (1, 2), "padding": (1, 0), "seed": 13},
        {
            "x": (1, 3, 7, 6),
            "kernel_size": (3, 2),
            "stride": None,
            "padding": (0, 1),
            "seed": 14,
            "dtype": "float32",
            "values": NEGATIVE,
        },
    )

    def inputs(self, case: dict[str, Any]) -> dict[str, Any]:
        """The arguments of a case; `values="negative"` makes every entry of x negative."""
        args = super().inputs(case)
        if case.get("values") == NEGATIVE:
            args["x"] = -args["x"].abs() - 0.5
        return args

    def describe(self, case: dict[str, Any], label: str) -> str:
        """E.g. "maxpool2d(all-negative x (1, 2, 5, 6) transposed view, kernel_size=2)"."""
        text = super().describe(case, label)
        return (
            text.replace("(x ", "(all-negative x ", 1) if case.get("values") == NEGATIVE else text
        )

    def reference(
        self, x: torch.Tensor, kernel_size: Any, stride: Any = None, padding: Any = 0
    ) -> torch.Tensor:
        return F.max_pool2d(x.double(), kernel_size, stride, padding)

    def mistakes(
        self, x: torch.Tensor, kernel_size: Any, stride: Any = None, padding: Any = 0
    ) -> dict[Mistake, Any]:
        step = kernel_size if stride is None else stride
        (ph, pw), (sh, sw) = _pair(padding), _pair(step)

        def pool(
            t: torch.Tensor,
            k: Any = kernel_size,
            s: Any = step,
            pads: tuple[int, ...] = (pw, pw, ph, ph),
            value: float = -math.inf,
        ) -> Any:
            """F.max_pool2d of t padded with `value` by F.pad, as (left, right, top, bottom) `pads` say."""
            return lambda: F.max_pool2d(F.pad(t.double(), pads, value=value), k, s)

        right = pool(x)
        mistakes = {
            Mistake(
                "padded-with-zeros",
                "padded with 0 instead of -inf: a zero pad wins every border window of a negative input",
            ): pool(x, value=0.0)
        }
        if stride is None:
            mistakes[
                Mistake(
                    "stride-none-as-one",
                    "stride=None was treated as stride 1; PyTorch's pooling default is stride = kernel_size",
                )
            ] = pool(x, s=1)
        else:
            mistakes[
                Mistake(
                    "stride-ignored",
                    "the stride argument is ignored (stride = kernel_size always)",
                )
            ] = pool(x, s=kernel_size)
        return {
            **mistakes,
            Mistake("padding-ignored", "padding is ignored"): pool(x, pads=(0, 0, 0, 0)),
            Mistake(
                "channels-pooled-together",
                "pooled across channels too: each channel must be pooled on its own",
            ): lambda: right().amax(dim=1, keepdim=True).expand_as(right()),
            Mistake(
                "channels-pooled-together",
                "pooled across channels too (the channel axis was reduced away): pool each channel on its own",
            ): lambda: right().amax(dim=1),
            Mistake(
                "channels-pooled-together",
                "pooled across channels too (one output channel left): pool each channel on its own",
            ): lambda: right().amax(dim=1, keepdim=True),
            Mistake(
                "height-width-swapped",
                "height and width are swapped in kernel_size, stride and padding",
            ): pool(x, swapped(kernel_size), swapped(step), (ph, ph, pw, pw)),
            Mistake("kernel-size-hw-swapped", "height and width of kernel_size are swapped"): pool(
                x, k=swapped(kernel_size)
            ),
            Mistake("stride-hw-swapped", "height and width of stride are swapped"): pool(
                x, s=swapped(step)
            ),
            Mistake("padding-hw-swapped", "height and width of padding are swapped"): pool(
                x, pads=(ph, ph, pw, pw)
            ),
            Mistake(
                "output-size-rounded-up",
                "the output size rounds up (ceil) instead of down (floor)",
            ): lambda: F.max_pool2d(x.double(), kernel_size, step, padding, ceil_mode=True),
            Mistake(
                "windows-past-padded-input",
                "the output size rounds up (ceil) instead of down (floor), so the "
                "last windows hang past the padded input",
            ): pool(x, pads=(pw, pw + sw - 1, ph, ph + sh - 1)),
            Mistake(
                "output-size-missing-plus-one",
                "the output size is missing its + 1: out = (size + 2 * padding - kernel) // stride + 1",
            ): lambda: right()[..., :-1, :-1],
            Mistake(
                "all-padding-before",
                "all the padding went before the data: pad `padding` cells on both sides of each axis",
            ): pool(x, pads=(2 * pw, 0, 2 * ph, 0)),
            Mistake("took-minimum", "took the minimum, not the maximum"): lambda: -pool(-x)(),
            Mistake(
                "assumes-contiguous-x",
                "the window view uses strides worked out for a contiguous tensor; build it from x.stride() and "
                "x.storage_offset()",
            ): pool(as_if_contiguous(x)),
            Mistake(
                "storage-offset-zero",
                "the window view starts at the start of x's storage "
                "(storage_offset=0); start it at x.storage_offset()",
            ): pool(from_storage_start(x)),
        }


def random_image(case: dict[str, Any]) -> jax.Array:
    """The float32 image x (H, W, C) of a JAX case, drawn from its seed; all negative for `values="negative"`."""
    data = np.random.default_rng(case["seed"]).standard_normal(case["x"]) * SCALE + SHIFT
    return jnp.asarray(
        -np.abs(data) - 0.5 if case.get("values") == NEGATIVE else data, dtype=jnp.float32
    )


class MaxPool2dJax(Exercise):
    """maxpool2d_jax(x (H, W, C), window, stride, padding), pooled channel by channel, like flax's max_pool."""

    name = "maxpool2d_jax"
    forbidden = MAX_POOLING_LAYER
    error_hints = {
        **FLOAT_SIZE_ERRORS,
        **dict.fromkeys(PAIR_ERRORS, Mistake(PAIR_MISTAKE, f"window and stride {PAIR_HINT}")),
        "wrong number of window_dimensions": Mistake(
            "window-lacks-channel-axis",
            "reduce_window needs a window and a stride entry for every "
            "axis of x (H, W, C): 1 on the channel axis, e.g. (window, window, 1).",
        ),
    }
    visible = (
        {
            "x": (5, 6, 3),
            "window": 2,
            "stride": 2,
            "padding": "VALID",
            "seed": 21,
            "values": NEGATIVE,
        },
        {
            "x": (5, 6, 3),
            "window": 3,
            "stride": 2,
            "padding": "SAME",
            "seed": 22,
            "values": NEGATIVE,
        },
        {
            "x": (5, 6, 3),
            "window": (2, 3),
            "stride": (1, 2),
            "padding": "SAME",
            "seed": 23,
            "values": NEGATIVE,
        },
        {"x": (5, 6, 3), "window": (3, 2), "stride": (2, 1), "padding": "VALID", "seed": 24},
    )

    def inputs(self, case: dict[str, Any]) -> dict[str, Any]:
        """x drawn from the case's seed, then window, stride and padding as the case gives them."""
        return {
            "x": random_image(case),
            "window": case["window"],
            "stride": case["stride"],
            "padding": case["padding"],
        }

    def reference(self, x: jax.Array, window: Any, stride: Any, padding: Any) -> jax.Array:
        return flax.linen.max_pool(x, _pair(window), _pair(stride), padding)

    def calls(self, case: dict[str, Any]) -> list[Call]:
        """One call, positional as the contract says."""
        args = self.inputs(case)
        return [Call("call", lambda answer: answer(*args.values()), args)]

    def describe(self, case: dict[str, Any], label: str) -> str:
        """E.g. "maxpool2d_jax(all-negative x (5, 6, 3), window=2, stride=2, padding='VALID')"."""
        x = f"{'all-negative ' if case.get('values') == NEGATIVE else ''}x {tuple(case['x'])}"
        return f"{self.name}({x}, window={case['window']!r}, stride={case['stride']!r}, padding={case['padding']!r})"

    def prepare(self) -> None:
        """flax's max_pool on each visible case, as judging a right answer computes it, and the outputs of the
        known mistakes, as judging a wrong one does."""
        for case in self.visible:
            self.expected(case)
            compute_candidates(self.mistakes(**self.inputs(case)))

    def judge_value(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """Compare with flax's max_pool; name the likely mistake; then check the dtype."""
        check_close(value, self.expected(case), what, self.mistakes(**call.args))
        check_dtype(
            value,
            "float32",
            what,
            Mistake(
                "dtype-not-kept",
                "keep x's dtype (float32): start the reduction from -jnp.inf, a "
                "Python float, or a float32 value.",
            ),
        )

    def mistakes(self, x: jax.Array, window: Any, stride: Any, padding: str) -> dict[Mistake, Any]:
        """Known mistakes and the outputs they give for these arguments."""
        (kh, kw), (sh, sw) = _pair(window), _pair(stride)
        other = {"VALID": "SAME", "SAME": "VALID"}[padding]
        pads = jax.lax.padtype_to_pads(x.shape[:2], (kh, kw), (sh, sw), padding)

        def pool(t: jax.Array, k: Any = (kh, kw), s: Any = (sh, sw), p: Any = padding) -> Any:
            """flax's max_pool of t, computed when called."""
            return lambda: flax.linen.max_pool(t, k, s, p)

        right = pool(x)
        mistakes = {
            Mistake(
                "init-value-zero",
                "init_value 0 instead of -jnp.inf: every window max is clipped at 0",
            ): lambda: jnp.maximum(right(), 0),
            Mistake("padded-with-zeros", "padded with zeros instead of -inf"): lambda: pool(
                jnp.pad(x, (*pads, (0, 0))), p="VALID"
            )(),
            Mistake("stride-ignored", "the stride is ignored (stride 1)"): pool(x, s=(1, 1)),
            Mistake(
                "stride-set-to-window", "stride = window was used instead of the stride argument"
            ): pool(x, s=(kh, kw)),
            Mistake("valid-same-swapped", f'"{padding}" was treated as "{other}"'): pool(
                x, p=other
            ),
            Mistake(
                "channels-pooled-together",
                "pooled across channels too: each channel must be pooled on its own",
            ): lambda: jnp.broadcast_to(right().max(-1, keepdims=True), right().shape),
            Mistake(
                "channels-pooled-together",
                "pooled across channels too (one output channel left): pool each channel on its own, with a window "
                "of 1 on the channel axis",
            ): lambda: right().max(-1, keepdims=True),
            Mistake(
                "window-covers-channels",
                "the window covers every channel (window (kh, kw, C)): pool each "
                "channel on its own, window (kh, kw, 1)",
            ): lambda: pool(x[..., None], (kh, kw, x.shape[-1]), (sh, sw, 1))()[..., 0],
            Mistake(
                "output-channels-first",
                "the output is channels-first (C, H_out, W_out): keep x's layout and return (H_out, W_out, C)",
            ): lambda: jnp.moveaxis(right(), -1, 0),
            Mistake(
                "batch-axis-kept",
                "the result keeps a batch axis of size 1: x (H, W, C) has none, so return (H_out, W_out, C)",
            ): lambda: right()[None],
            Mistake(
                "height-width-swapped", "height and width are swapped in window and stride"
            ): pool(x, (kw, kh), (sw, sh)),
            Mistake("window-hw-swapped", "height and width of the window are swapped"): pool(
                x, k=(kw, kh)
            ),
            Mistake("stride-hw-swapped", "height and width of the stride are swapped"): pool(
                x, s=(sw, sh)
            ),
            Mistake("took-minimum", "took the minimum, not the maximum"): lambda: -pool(-x)(),
        }
        if padding == "SAME":
            mistakes[
                Mistake(
                    "same-odd-cell-at-start",
                    '"SAME" puts the odd padding cell at the end (after the data), as in notebook 03; this one put '
                    "it at the start",
                )
            ] = pool(x, p=[(high, low) for low, high in pads])
            mistakes[
                Mistake(
                    "same-odd-cell-dropped",
                    '"SAME" padding lost its odd padding cell: pad total // 2 before the data and the rest after',
                )
            ] = pool(x, p=[(low, low) for low, _ in pads])
        return mistakes


MAXPOOL2D, MAXPOOL2D_JAX = MaxPool2d(), MaxPool2dJax()
EXERCISES = ExerciseSet(MAXPOOL2D, MAXPOOL2D_JAX)

__all__ = ["EXERCISES"]
