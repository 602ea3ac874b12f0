"""Exercises that re-implement a torch function: seeded inputs, every memory layout, a library reference.

`make release` copies this module, and the course modules it imports, into every student notebook.
"""

from typing import Any, ClassVar

import numpy as np
import torch

from course.judging.checks import CheckFailed, Mistake, check_close, check_dtype, hint
from course.judging.device import DEVICE
from course.judging.exercise import Call, Exercise, calling_with

SCALE, SHIFT = 2.0, -0.3
# the call that passes every tensor argument non-contiguous
ALL, SLICED = "all", "every-other-element slice"
OUT_OF_BOUNDS = (
    "out of bounds for storage"  # what PyTorch says of a view that reads past its memory
)


def random_tensor(
    rng: np.random.Generator, shape: tuple[int, ...], dtype: str = "float64", values: str = "normal"
) -> torch.Tensor:
    """A CPU tensor of `shape` drawn from `rng`: small integers for `values="ints"`, else normals with negatives."""
    data = (
        rng.integers(-3, 4, size=shape)
        if values == "ints"
        else rng.standard_normal(shape) * SCALE + SHIFT
    )
    return torch.from_numpy(np.asarray(data, dtype=np.float64)).to(getattr(torch, dtype))


def layouts(tensor: torch.Tensor) -> dict[str, torch.Tensor]:
    """The values of `tensor` in several memory layouts: contiguous and non-contiguous views.

    Every entry compares equal to `tensor`; only `stride()` and `storage_offset()` differ.
    """
    result = {"contiguous": tensor.contiguous()}
    if tensor.dim() >= 2:
        result["transposed view"] = tensor.transpose(-1, -2).contiguous().transpose(-1, -2)
    spread = torch.zeros(
        *tensor.shape[:-1], 2 * tensor.shape[-1], dtype=tensor.dtype, device=tensor.device
    )
    spread[..., ::2] = tensor
    result["every-other-element slice"] = spread[..., ::2]
    storage = torch.zeros(tensor.numel() + 3, dtype=tensor.dtype, device=tensor.device)
    storage[3:] = tensor.reshape(-1)
    result["storage_offset 3"] = storage[3:].view(tensor.shape)
    return result


def as_if_contiguous(tensor: torch.Tensor) -> torch.Tensor:
    """What code that assumes a contiguous layout reads from `tensor`'s memory: row-major strides from its offset."""
    strides = [1] * tensor.dim()
    for axis in range(tensor.dim() - 2, -1, -1):
        strides[axis] = strides[axis + 1] * tensor.shape[axis + 1]
    return torch.as_strided(tensor, tensor.shape, strides)


def from_storage_start(tensor: torch.Tensor) -> torch.Tensor:
    """What code that passes storage_offset=0 reads: `tensor`'s strides, from the start of its memory."""
    return torch.as_strided(tensor, tensor.shape, tensor.stride(), 0)


def shown(value: Any) -> str:
    """A short description of an argument for messages: a tensor's shape (and dtype unless float64), else repr."""
    if isinstance(value, torch.Tensor):
        dtype = (
            "" if value.dtype == torch.float64 else f" {str(value.dtype).removeprefix('torch.')}"
        )
        return f"{tuple(value.shape)}{dtype}"
    return repr(value)


class TorchFunction(Exercise):
    """An exercise whose answer is a torch function, called positionally as `arguments` lists.

    A case gives each tensor argument's shape, the other arguments' values, a `seed`, and
    optionally a `dtype` and `values="ints"`. Arguments a case leaves out are not passed, which
    tests their defaults. Each tensor is also passed in every non-contiguous layout, one at a
    time. Subclasses give the `reference` (a library call, in float64) and may name known
    `mistakes` and wrong output shapes (`shape_hints`), each from the arguments of one call.
    """

    arguments: tuple[str, ...] = ()
    tensors: tuple[str, ...] = ()
    keep_dtype: str = ""  # the tensor argument whose dtype the result must have ("": any dtype)
    dtype_mistake: Mistake = Mistake(
        "dtype-not-kept",
        "create the result (and any buffer) with the input's dtype, as the library function does.",
    )

    error_hints: ClassVar[dict[str, Mistake]] = {
        OUT_OF_BOUNDS: Mistake(
            "view-out-of-bounds",
            "the as_strided view reaches past the end of the input's memory: check its size first "
            "(one entry per element it reads), then its strides, taken from the input's .stride().",
        ),
    }

    def mistakes(self, *args: Any, **kwargs: Any) -> dict[Mistake, Any]:
        """Known mistakes and the outputs they give for these arguments (values, or functions computing them)."""
        return {}

    def shape_hints(self, *args: Any, **kwargs: Any) -> dict[tuple[int, ...], Mistake]:
        """Wrong output shapes for these arguments, and the mistakes that give them."""
        return {}

    def inputs(self, case: dict[str, Any]) -> dict[str, Any]:
        """The arguments of a case, on the CPU, in the order of `arguments`; tensors drawn from the case's seed."""
        rng = np.random.default_rng(case["seed"])
        dtype, values = case.get("dtype", "float64"), case.get("values", "normal")
        return {
            name: random_tensor(rng, tuple(case[name]), dtype, values)
            if name in self.tensors
            else case[name]
            for name in self.arguments
            if name in case
        }

    def calls(self, case: dict[str, Any]) -> list[Call]:
        """The contiguous call, one call per non-contiguous layout of each tensor, then all tensors sliced at once."""
        args = {
            name: value.to(DEVICE) if isinstance(value, torch.Tensor) else value
            for name, value in self.inputs(case).items()
        }
        tensors = [name for name in self.tensors if name in args]
        variants = [("contiguous", args)] + [
            (f"{name} {layout}", {**args, name: view})
            for name in tensors
            for layout, view in layouts(args[name]).items()
            if layout != "contiguous"
        ]
        if len(tensors) > 1:
            variants.append(
                (
                    f"{ALL} {SLICED}",
                    {**args, **{name: layouts(args[name])[SLICED] for name in tensors}},
                )
            )
        return [
            Call(label, calling_with(*variant.values()), variant) for label, variant in variants
        ]

    def describe(self, case: dict[str, Any], label: str) -> str:
        """E.g. "conv2d(x (1, 2, 5, 6) float32 transposed view, weights (3, 2, 2, 3), stride=(2, 3))"."""
        varied, layout = label.split(" ", 1) if label != "contiguous" else ("", "")
        parts = []
        for position, (name, value) in enumerate(self.inputs(case).items()):
            text = (
                f"{name} {shown(value)}"
                if name in self.tensors
                else (repr(value) if position == 0 else f"{name}={value!r}")
            )
            parts.append(
                f"{text} {layout}" if varied in (name, ALL) and name in self.tensors else text
            )
        return f"{self.name}({', '.join(parts)})"

    def judge_value(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """Compare with the reference; name the likely mistake; then check the dtype."""
        args = {
            name: value.cpu() if isinstance(value, torch.Tensor) else value
            for name, value in call.args.items()
        }
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise CheckFailed(
                f"{what} returned a Python {type(value).__name__}, not a tensor."
                + hint(
                    Mistake(
                        "python-number-returned",
                        "return the tensor itself: .item() and float() turn a 0-d tensor into a number.",
                    )
                )
            )
        check_close(
            value, self.expected(case), what, self.mistakes(**args), self.shape_hints(**args)
        )
        if self.keep_dtype:
            wanted = str(args[self.keep_dtype].dtype).removeprefix("torch.")
            check_dtype(value, wanted, what, self.dtype_mistake)
