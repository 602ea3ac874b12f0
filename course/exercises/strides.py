"""01 · Strides: the warm-up views, and trace, matrix-vector and matrix-matrix products from `as_strided`.

`make release` copies this module, and the course modules it imports, into every student notebook.
"""

import math
from functools import partial
from typing import Any

import numpy as np
import torch

from course.exercises.tensors import (
    TorchFunction,
    as_if_contiguous,
    from_storage_start,
    random_tensor,
)
from course.judging.checks import CheckFailed, Mistake, check_close, hint
from course.judging.exercise import NOT_WRITTEN, Call, Exercise, ExerciseSet
from course.judging.forbidden import MATRIX_PRODUCT, TRACE

WARMUP_NAMES = (
    "first_row",
    "first_column",
    "top_left_block",
    "diagonal",
    "every_other_row",
    "first_row_three_times",
    "first_column_three_times",
)
MAX_VIEW_ELEMENTS = 10_000


def warmup_base(case: dict[str, Any]) -> torch.Tensor:
    """The 4×5 tensor a warm-up case views: the notebook's `x` (arange) or seeded random numbers."""
    if case.get("values") == "arange":
        return torch.arange(20.0, dtype=torch.float64).reshape(4, 5)
    return random_tensor(np.random.default_rng(case["seed"]), (4, 5))


def warmup_targets(base: torch.Tensor) -> dict[str, torch.Tensor]:
    """The seven views of the warm-up, taken from `base` by indexing."""
    return {
        "first_row": base[0],
        "first_column": base[:, 0],
        "top_left_block": base[:2, :3],
        "diagonal": torch.diagonal(base),
        "every_other_row": base[::2],
        "first_row_three_times": base[0].expand(3, 5),
        "first_column_three_times": base[:, :1].expand(4, 3),
    }


def _answer(namespace: dict[str, Any], name: str) -> Any:
    """The student's (size, stride) pair `name` from the notebook; a pair still None is not written yet."""
    if name not in namespace:
        raise NameError(f"{name} is not defined")
    if namespace[name] is None:
        raise NotImplementedError
    return namespace[name]


def _ints(value: Any) -> bool:
    """Whether `value` is an int or a sequence of ints, as as_strided's size and stride arguments are."""
    items = value if isinstance(value, (tuple, list)) else [value]
    return all(
        isinstance(item, int) and not isinstance(item, bool) and abs(item) <= MAX_VIEW_ELEMENTS
        for item in items
    )


SWAPPED = Mistake(
    "strides-swapped",
    "the two strides are swapped: give the step from one row of the view to the next first, "
    "then the step along a row.",
)


def swap_hint(size: Any, stride: Any, target: torch.Tensor) -> Mistake | None:
    """SWAPPED if (size, stride) is the target's own size with its two strides swapped, else None."""
    true_size, true_stride = tuple(target.shape), tuple(target.stride())
    swapped = tuple(reversed(true_stride))
    if len(true_stride) != 2 or swapped == true_stride:
        return None
    if not isinstance(size, (tuple, list)) or not isinstance(stride, (tuple, list)):
        return None
    return SWAPPED if (tuple(size), tuple(stride)) == (true_size, swapped) else None


def last_position(size: Any, stride: Any) -> int | None:
    """The furthest storage position as_strided(x, size, stride) reads from x's start; None if it reads none,
    or if as_strided would refuse the pair anyway (its lengths differ, or a size or stride is negative)."""
    if not (isinstance(size, (tuple, list)) and isinstance(stride, (tuple, list))):
        return None
    if len(size) != len(stride) or min((*size, *stride), default=0) < 0 or 0 in size:
        return None
    return sum((n - 1) * step for n, step in zip(size, stride))


class Warmup(Exercise):
    """The (size, stride) pairs of the warm-up, checked by building each view of the base tensor."""

    name = "warmup"
    answer_is_notebook = True
    visible = ({"values": "arange"},)

    def explain_error(self, what: str, raised: str) -> str:
        """A pair still None, or not defined, means the warm-up's cell was not filled in (or not run)."""
        if raised.startswith(("NameError", NOT_WRITTEN)):
            return (
                "warmup is not written yet: replace each None in the warm-up's cell with its "
                "(size, stride) pair and run that cell."
            )
        return super().explain_error(what, raised)

    def calls(self, case: dict[str, Any]) -> list[Call]:
        """One "call" per pair: read it from the notebook's namespace."""
        return [Call(name, partial(_answer, name=name)) for name in WARMUP_NAMES]

    def describe(self, case: dict[str, Any], label: str) -> str:
        """The pair's name."""
        return label

    def judge_value(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """Build the view the pair describes and compare it with the target.

        The swapped-strides hint is built from the target's own size and stride, and shown only for
        exactly that pair; a pair that would read past x's storage is told so in one line.
        """
        if not (isinstance(value, (tuple, list)) and len(value) == 2):
            raise CheckFailed(f"{what} should be a pair (size, stride), got {value!r}.")
        size, stride = value
        count = math.prod(size) if isinstance(size, (tuple, list)) else size if _ints(size) else -1
        if not (_ints(size) and _ints(stride)) or not 0 <= count <= MAX_VIEW_ELEMENTS:
            raise CheckFailed(
                f"{what}: size and stride should be tuples of ints, got {size!r} and {stride!r}."
            )
        base = warmup_base(case)
        target = warmup_targets(base)[call.label]
        view = f"torch.as_strided(x, {size!r}, {stride!r})"
        swapped = swap_hint(size, stride, target)
        furthest, elements = last_position(size, stride), base.numel()
        if furthest is not None and furthest >= elements:
            raise CheckFailed(
                f"{what}: {view} would read storage position {furthest}, but x has {elements} "
                f"elements (positions 0 to {elements - 1}): check the size and the stride.{hint(swapped)}"
            )
        try:
            got = torch.as_strided(base, size, stride)
        except Exception as error:
            raise CheckFailed(f"{what}: {view} failed: {error}") from None
        try:
            check_close(got, target, f"{what}: {view}")
        except CheckFailed as failure:
            raise CheckFailed(f"{failure}{hint(swapped)}") from None


class AsStridedTrace(TorchFunction):
    """The trace of a square matrix via as_strided and sum."""

    name = "as_strided_trace"
    arguments = tensors = ("mat",)
    forbidden = TRACE
    visible = (
        {"mat": (3, 3), "seed": 1, "values": "ints"},
        {"mat": (4, 4), "seed": 2, "dtype": "float32"},
    )

    def reference(self, mat: torch.Tensor) -> torch.Tensor:
        return torch.trace(mat.double())

    def mistakes(self, mat: torch.Tensor) -> dict[Mistake, Any]:
        return {
            Mistake(
                "assumes-contiguous-mat",
                "the diagonal step is n + 1, which is right only for a contiguous matrix; use mat.stride()",
            ): lambda: torch.trace(as_if_contiguous(mat).double()),
            Mistake(
                "storage-offset-zero",
                "storage_offset=0 was passed, so the view starts at the storage's start rather than at mat[0, 0]",
            ): lambda: torch.trace(from_storage_start(mat).double()),
        }

    def shape_hints(self, mat: torch.Tensor) -> dict[tuple[int, ...], Mistake]:
        return {
            (1,): Mistake(
                "one-element-tensor-returned",
                "return a 0-d tensor, as .sum() of the diagonal view gives, not a one-element one.",
            ),
            (mat.shape[0],): Mistake(
                "missing-sum", "the diagonal view is right, but it still needs .sum()."
            ),
        }


class AsStridedMv(TorchFunction):
    """mat @ vec via as_strided, elementwise * and sum."""

    name = "as_strided_mv"
    arguments = tensors = ("mat", "vec")
    forbidden = MATRIX_PRODUCT
    visible = (
        {"mat": (2, 3), "vec": (3,), "seed": 3, "values": "ints"},
        {"mat": (4, 4), "vec": (4,), "seed": 4},
    )

    def reference(self, mat: torch.Tensor, vec: torch.Tensor) -> torch.Tensor:
        return mat.double() @ vec.double()

    def mistakes(self, mat: torch.Tensor, vec: torch.Tensor) -> dict[Mistake, Any]:
        return {
            Mistake(
                "assumes-contiguous-vec",
                "the view of vec uses stride 1 instead of vec.stride()[0], which "
                "is right only for a contiguous vec",
            ): lambda: mat.double() @ as_if_contiguous(vec).double(),
            Mistake(
                "storage-offset-zero",
                "the storage_offset of vec was set to 0: leave it out so the view starts at vec[0]",
            ): lambda: mat.double() @ from_storage_start(vec).double(),
            Mistake(
                "assumes-contiguous-mat", "mat is read as if it were contiguous; use mat.stride()"
            ): lambda: as_if_contiguous(mat).double() @ vec.double(),
            Mistake(
                "summed-over-wrong-dim",
                "summed over dimension 0 (down the columns) instead of dimension 1 (along each row)",
            ): lambda: mat.double().sum(0) * vec.double(),
            Mistake(
                "zero-stride-on-wrong-dim",
                "vec's zero stride is on the wrong dimension: row r of the view repeats vec[r]; "
                "each row must hold the whole of vec, so the stride is 0 from one row to the next",
            ): lambda: vec.double()[: mat.shape[0]] * mat.double().sum(1),
        }

    def shape_hints(self, mat: torch.Tensor, vec: torch.Tensor) -> dict[tuple[int, ...], Mistake]:
        return {
            (mat.shape[1],): Mistake(
                "summed-over-wrong-dim",
                "summed over dimension 0 (down the columns) instead of dimension 1 (along each row).",
            ),
            tuple(mat.shape): Mistake(
                "missing-sum",
                "the products are right, but each row still needs summing (.sum(dim=1)).",
            ),
        }


class AsStridedMm(TorchFunction):
    """matA @ matB via as_strided, elementwise * and sum."""

    name = "as_strided_mm"
    uses = ("as_strided_mv",)
    arguments = tensors = ("matA", "matB")
    forbidden = MATRIX_PRODUCT
    visible = (
        {"matA": (3, 2), "matB": (2, 4), "seed": 5, "values": "ints"},
        {"matA": (3, 3), "matB": (3, 3), "seed": 6},
    )

    def reference(self, matA: torch.Tensor, matB: torch.Tensor) -> torch.Tensor:
        return matA.double() @ matB.double()

    def mistakes(self, matA: torch.Tensor, matB: torch.Tensor) -> dict[Mistake, Any]:
        a, b = matA.double(), matB.double()
        return {
            Mistake(
                "assumes-contiguous-inputs",
                "the views assume contiguous inputs (strides (j, 1) and (k, 1)); build them from each "
                "matrix's own stride()",
            ): lambda: as_if_contiguous(matA).double() @ as_if_contiguous(matB).double(),
            Mistake(
                "assumes-contiguous-mata",
                "the view of matA assumes it is contiguous; use matA.stride()",
            ): lambda: as_if_contiguous(matA).double() @ b,
            Mistake(
                "assumes-contiguous-matb",
                "the view of matB assumes it is contiguous; use matB.stride()",
            ): lambda: a @ as_if_contiguous(matB).double(),
            Mistake(
                "result-transposed",
                "the result is transposed: check which view repeats along which axis",
            ): lambda: (a @ b).T,
        }

    def shape_hints(self, matA: torch.Tensor, matB: torch.Tensor) -> dict[tuple[int, ...], Mistake]:
        (i, j), k = matA.shape, matB.shape[1]
        return {
            (i, j, k): Mistake(
                "missing-sum", "the products are right, but they still need summing over j (dim=1)."
            ),
            (k, i): Mistake(
                "result-transposed",
                "the result is transposed: check which view repeats along which axis.",
            ),
        }


WARMUP, AS_STRIDED_TRACE, AS_STRIDED_MV, AS_STRIDED_MM = (
    Warmup(),
    AsStridedTrace(),
    AsStridedMv(),
    AsStridedMm(),
)
EXERCISES = ExerciseSet(WARMUP, AS_STRIDED_TRACE, AS_STRIDED_MV, AS_STRIDED_MM)

__all__ = ["EXERCISES", "warmup_targets"]
