"""Compare what an answer returned with what was expected, and say in one message what went wrong.

The same functions judge visible checks in the student's kernel and hidden tests in the grader's
own process, on values the student's process encoded (`course.judging.payload`): NumPy arrays and
plain Python. Shared by both sides; `make release` copies it into every student notebook.
"""

import contextlib
import re
import sys
import types
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import numpy as np

from course.judging.payload import Opaque

# Tolerances per dtype of the answer, never per machine: float32 answers are
# compared with float64 or highest-precision references.
TOLERANCES = types.MappingProxyType(
    {
        np.dtype("float16"): (1e-2, 1e-2),
        np.dtype("float32"): (1e-4, 1e-5),
        np.dtype("float64"): (1e-9, 1e-12),
    }
)
NEIGHBOURS = 6  # values a failure shows around the first wrong one
RED, BOLD, RESET = "\x1b[31m", "\x1b[1m", "\x1b[0m"
MISTAKE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
SAME_OUTPUT = "; or, giving the same output here, "
# The ids of the mistakes named while judging, for the instructor's report (see `naming`).
_NAMED: ContextVar[list[str] | None] = ContextVar("named_mistakes", default=None)


@dataclass(frozen=True)
class Mistake:
    """A known mistake: a stable id (for the report of what a cohort got wrong) and the words a message uses."""

    id: str
    text: str

    def __post_init__(self) -> None:
        if not MISTAKE_ID.fullmatch(self.id):
            raise ValueError(f"a mistake id is lower-case words joined by '-', not {self.id!r}")

    def __str__(self) -> str:
        return self.text


@contextlib.contextmanager
def naming() -> Iterator[list[str]]:
    """Collect, in order, the id of every mistake a failure message names inside this block."""
    named: list[str] = []
    token = _NAMED.set(named)
    try:
        yield named
    finally:
        _NAMED.reset(token)


CHECK_MARK = "\N{CHECK MARK}"  # the start of a passed check's line


class CheckFailed(AssertionError):
    """A wrong answer: the message says what was called, what came back and, if known, the likely mistake."""

    def _render_traceback_(self) -> list[str]:
        """How Jupyter shows this error: the message alone, with no traceback through the checks' code."""
        first, *rest = str(self).splitlines() or [""]
        return [f"{RED}{BOLD}\N{BALLOT X} {first}{RESET}", *rest]


def to_numpy(value: Any) -> np.ndarray:
    """Return `value` (torch tensor, JAX or NumPy array, number) as a NumPy array."""
    if type(value).__module__.split(".")[0] == "torch":
        value = value.detach().cpu()
        return (value.float() if str(value.dtype) == "torch.bfloat16" else value).numpy()
    try:
        return np.asarray(value)
    except Exception as error:
        raise CheckFailed(f"expected an array, got {type(value).__name__}: {error}") from None


def shape_of(value: Any) -> tuple[int, ...] | None:
    """The shape of an array-like value, or None if it has none."""
    shape = getattr(value, "shape", None)
    return tuple(shape) if shape is not None else None


def _tolerances(got: np.ndarray, rtol: float | None, atol: float | None) -> tuple[float, float]:
    """Tolerances for comparing `got`: the caller's, else those of its dtype."""
    default_rtol, default_atol = TOLERANCES.get(got.dtype, TOLERANCES[np.dtype("float32")])
    return (default_rtol if rtol is None else rtol, default_atol if atol is None else atol)


def _close(got: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> np.ndarray:
    """Elementwise closeness of two same-shape arrays, in float64, NaN equal to NaN."""
    got64, expected64 = got.astype(np.float64), expected.astype(np.float64)
    scale = max(1.0, float(np.max(np.abs(expected64), initial=0.0, where=np.isfinite(expected64))))
    return np.isclose(got64, expected64, rtol=rtol, atol=atol * scale, equal_nan=True)


def matches(
    got: np.ndarray, other: Any, rtol: float | None = None, atol: float | None = None
) -> bool:
    """Whether `got` has the shape and values of `other` (an array, or a function returning one)."""
    try:
        other = to_numpy(other() if callable(other) else other)
        rtol, atol = _tolerances(got, rtol, atol)
        return got.shape == other.shape and bool(np.all(_close(got, other, rtol, atol)))
    except Exception:
        return False


def likely_mistake(
    got: np.ndarray,
    mistakes: Mapping[Mistake, Any],
    rtol: float | None = None,
    atol: float | None = None,
) -> str:
    """ "Likely mistake: ..." naming the known mistakes whose output `got` reproduces, or "".

    Two mistakes can give the same output on one input; then both are named, never only the
    first, so that the hint is never about a mistake the answer may not have made.
    """
    found = [
        mistake
        for mistake, wrong_output in mistakes.items()
        if matches(got, wrong_output, rtol, atol)
    ]
    return hint(*found[:2])


def hint(*mistakes: Mistake | None) -> str:
    """The closing "Likely mistake: ..." line of a failure message, naming `mistakes` (None: none), or ""."""
    named = [mistake for mistake in mistakes if mistake is not None]
    recording = _NAMED.get()
    if recording is not None:
        recording += [mistake.id for mistake in named]
    return f"\nLikely mistake: {SAME_OUTPUT.join(map(str, named))}" if named else ""


def show(array: np.ndarray) -> str:
    """A short, readable rendering of an array for a failure message."""
    if array.ndim == 0:
        return (
            f"{array.item():.6g}" if np.issubdtype(array.dtype, np.number) else repr(array.item())
        )
    if array.size > 24:
        return f"an array of shape {array.shape}"
    return np.array2string(array, precision=4, suppress_small=True, separator=", ")


def check_array(got: Any, what: str) -> np.ndarray:
    """`got` as a NumPy array of numbers, or a CheckFailed saying what came back instead."""
    if got is None:
        raise CheckFailed(f"{what} returned None. Did you forget `return`?")
    if isinstance(got, Opaque):
        raise CheckFailed(f"{what} returned a {got.description}, not an array.")
    if isinstance(got, (tuple, list, dict, str)) or not hasattr(got, "dtype"):
        if isinstance(got, (int, float)) and not isinstance(got, bool):
            return np.asarray(got)
        raise CheckFailed(f"{what} returned {type(got).__name__} {got!r:.80}, not an array.")
    array = to_numpy(got)
    if not (np.issubdtype(array.dtype, np.number) or array.dtype == np.bool_):
        raise CheckFailed(f"{what}: expected numbers, got an array of {array.dtype}.")
    return array


def check_close(
    got: Any,
    expected: Any,
    what: str,
    mistakes: Mapping[Mistake, Any] | None = None,
    shape_hints: Mapping[tuple[int, ...], Mistake] | None = None,
    rtol: float | None = None,
    atol: float | None = None,
) -> None:
    """Fail with one specific message unless `got` has the shape and values of `expected`.

    `what` describes the call that produced `got`, e.g. "conv1d_minimal(x (2, 3, 9), w (4, 3, 3))".
    `mistakes` maps a known mistake to the output it gives (or a function computing it, called
    only once the answer is wrong); `shape_hints` maps a wrong output shape to its likely mistake.
    """
    got_array, expected_array = check_array(got, what), to_numpy(expected)
    if got_array.shape != expected_array.shape:
        shape_hint = (shape_hints or {}).get(got_array.shape)
        named = (
            hint(shape_hint)
            if shape_hint is not None
            else likely_mistake(got_array, mistakes or {}, rtol, atol)
        )
        raise CheckFailed(
            f"{what}: expected shape {expected_array.shape}, got {got_array.shape}.{named}"
        )
    rtol, atol = _tolerances(got_array, rtol, atol)
    close = _close(got_array, expected_array, rtol, atol)
    if np.all(close):
        return
    if expected_array.ndim == 0:
        raise CheckFailed(
            f"{what}: expected {show(expected_array)}, got {show(got_array)}."
            f"{likely_mistake(got_array, mistakes or {}, rtol, atol)}"
        )
    wrong = np.argwhere(~close)
    first = tuple(int(i) for i in wrong[0])
    raise CheckFailed(
        f"{what}: {len(wrong)} of {close.size} values are wrong; first at index {list(first)}: "
        f"expected {expected_array[first]:.6g}, got {got_array[first]:.6g}.\n"
        f"{neighbourhood(expected_array, got_array, first)}"
        f"{likely_mistake(got_array, mistakes or {}, rtol, atol)}"
    )


def neighbourhood(expected: np.ndarray, got: np.ndarray, index: tuple[int, ...]) -> str:
    """One line of values around `index` along the last axis, expected against got: a few, never a dump."""
    if expected.size <= NEIGHBOURS:
        return f"expected {show(expected.reshape(-1))}, got {show(got.reshape(-1))}"
    start = max(0, min(index[-1] - NEIGHBOURS // 2, expected.shape[-1] - NEIGHBOURS))
    where: tuple[int | slice, ...] = (*index[:-1], slice(start, start + NEIGHBOURS))
    shown = ", ".join(
        [*map(str, index[:-1]), f"{start}:{start + min(NEIGHBOURS, expected.shape[-1])}"]
    )
    return f"at [{shown}]: expected {show(expected[where])}, got {show(got[where])}"


def check_equal(got: Any, expected: Any, what: str, mistake: Mistake | None = None) -> None:
    """Fail unless `got == expected` for plain Python values such as shapes, tuples and ints."""
    if type(got) is not type(expected) or got != expected:
        raise CheckFailed(f"{what}: expected {expected!r}, got {got!r}.{hint(mistake)}")


def check_dtype(got: Any, expected: str, what: str, mistake: Mistake | None) -> None:
    """Fail unless the array `got` has the dtype named `expected` (e.g. "float32")."""
    dtype = getattr(got, "dtype", None)
    if str(dtype) != expected:
        raise CheckFailed(f"{what}: expected dtype {expected}, got {dtype}.{hint(mistake)}")


@contextlib.contextmanager
def highest_precision() -> Iterator[None]:
    """Full float32 precision for matmuls and convolutions in torch and JAX, restored after.

    GPUs may use TF32 and TPUs bfloat16 passes by default; checks run under this so
    their verdict does not depend on the device. On a CPU, which always computes float32 in
    full, JAX's setting is left alone: it is part of the key of JAX's compilation cache, and
    changing it would compile again everything the notebook already compiled. A notebook that
    has not imported JAX (a torch-only one) is not made to import it here.
    """
    import torch

    jax = sys.modules.get("jax")
    cudnn, cuda_matmul = torch.backends.cudnn, torch.backends.cuda.matmul
    saved = (cudnn.allow_tf32, cuda_matmul.allow_tf32, torch.get_float32_matmul_precision())
    cudnn.allow_tf32, cuda_matmul.allow_tf32 = False, False
    torch.set_float32_matmul_precision("highest")
    precision = (
        jax.default_matmul_precision("highest")
        if jax is not None and jax.default_backend() != "cpu"
        else contextlib.nullcontext()
    )
    try:
        with precision:
            yield
    finally:
        cudnn.allow_tf32, cuda_matmul.allow_tf32 = saved[0], saved[1]
        torch.set_float32_matmul_precision(saved[2])


def passed(message: str) -> None:
    """Print a short success line for a check."""
    print(f"{CHECK_MARK} {message}")
