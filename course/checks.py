"""Checks that notebooks run on a student's answer: compare, explain, forbid.

`make release` copies this module into every student notebook, so it may import
only the standard library and the course's third-party packages, never `course`.
"""

import contextlib
import importlib
import types
from typing import Any, Callable, Iterator

import numpy as np
import torch
from torch.overrides import TorchFunctionMode

# Tolerances per dtype of the answer, never per machine: float32 answers are
# compared with float64 or highest-precision references.
TOLERANCES = types.MappingProxyType({  # read-only: no answer can loosen them
    np.dtype("float16"): (1e-2, 1e-2),
    np.dtype("float32"): (1e-4, 1e-5),
    np.dtype("float64"): (1e-9, 1e-12),
})


class CheckFailed(AssertionError):
    """A check found a wrong answer; the message says what and, if known, why."""


class ForbiddenCall(CheckFailed):
    """An answer called a library function that its exercise re-implements."""


def to_numpy(value: Any) -> np.ndarray:
    """Return `value` (torch tensor, JAX or NumPy array, number) as a NumPy array."""
    if isinstance(value, torch.Tensor):
        value = value.detach().cpu()
        if value.dtype == torch.bfloat16:
            value = value.float()
        return value.numpy()
    try:
        return np.asarray(value)
    except Exception as error:
        raise CheckFailed(f"expected an array, got {type(value).__name__}: {error}") from None


def _tolerances(got: np.ndarray, rtol: float | None, atol: float | None) -> tuple[float, float]:
    """Tolerances for comparing `got`: the caller's, else those of its dtype."""
    default_rtol, default_atol = TOLERANCES.get(got.dtype, TOLERANCES[np.dtype("float32")])
    return (default_rtol if rtol is None else rtol, default_atol if atol is None else atol)


def _close(got: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> np.ndarray:
    """Elementwise closeness of two same-shape arrays, in float64, NaN equal to NaN."""
    got64, expected64 = got.astype(np.float64), expected.astype(np.float64)
    scale = max(1.0, float(np.max(np.abs(expected64), initial=0.0, where=np.isfinite(expected64))))
    return np.isclose(got64, expected64, rtol=rtol, atol=atol * scale, equal_nan=True)


def _matches(got: np.ndarray, other: Any, rtol: float, atol: float) -> bool:
    """Whether `got` has the shape and values of `other` (an array, or a callable returning one)."""
    try:
        other = to_numpy(other() if callable(other) else other)
    except Exception:
        return False
    return got.shape == other.shape and bool(np.all(_close(got, other, rtol, atol)))


def _likely_mistake(got: np.ndarray, mistakes: dict[str, Any], rtol: float, atol: float) -> str:
    """A sentence naming the first known mistake whose output `got` reproduces."""
    for description, wrong_output in mistakes.items():
        if _matches(got, wrong_output, rtol, atol):
            return f"\nLikely mistake: {description}"
    return ""


def _show(array: np.ndarray) -> str:
    """A short, readable rendering of an array for a failure message."""
    if array.size > 24:
        return f"array of shape {array.shape}"
    return np.array2string(array, precision=4, suppress_small=True, separator=", ")


def check_close(
    got: Any,
    expected: Any,
    what: str,
    mistakes: dict[str, Any] | None = None,
    rtol: float | None = None,
    atol: float | None = None,
) -> None:
    """Fail with a specific message unless `got` has the shape and values of `expected`.

    `what` describes the call that produced `got`, e.g. "conv1d_minimal(x (2, 3, 9), w (4, 3, 3))".
    `mistakes` maps a description of a known mistake to the output that mistake gives (or
    a function computing it), so the message can name the mistake whose output `got` reproduces.
    """
    if got is None:
        raise CheckFailed(f"{what} returned None. Did you forget `return`?")
    got_array, expected_array = to_numpy(got), to_numpy(expected)
    rtol, atol = _tolerances(got_array, rtol, atol)
    hint = _likely_mistake(got_array, mistakes or {}, rtol, atol)
    if got_array.shape != expected_array.shape:
        raise CheckFailed(
            f"{what}: expected shape {expected_array.shape}, got {got_array.shape}.{hint}"
        )
    if not np.issubdtype(got_array.dtype, np.number) and got_array.dtype != np.bool_:
        raise CheckFailed(f"{what}: expected numbers, got an array of {got_array.dtype}.")
    close = _close(got_array, expected_array, rtol, atol)
    if np.all(close):
        return
    wrong = np.argwhere(~close)
    first = tuple(int(i) for i in wrong[0])
    raise CheckFailed(
        f"{what}: {len(wrong)} of {close.size} values are wrong; "
        f"first at index {first}: expected {expected_array[first]:.6g}, got {got_array[first]:.6g}.\n"
        f"expected: {_show(expected_array)}\ngot:      {_show(got_array)}{hint}"
    )


def check_equal(got: Any, expected: Any, what: str, hint: str = "") -> None:
    """Fail unless `got == expected` (plain Python values such as shapes and tuples)."""
    if got != expected:
        raise CheckFailed(f"{what}: expected {expected!r}, got {got!r}.{' ' + hint if hint else ''}")


def check_raises(error: type[BaseException], call: Callable[[], Any], what: str) -> None:
    """Fail unless `call()` raises `error`."""
    try:
        result = call()
    except error:
        return
    except Exception as other:
        raise CheckFailed(f"{what}: expected {error.__name__}, got {type(other).__name__}: {other}") from None
    raise CheckFailed(f"{what}: expected {error.__name__}, but it returned {result!r}.")


def field_order_hint(module_class: type, fields: dict[str, Any], key: Any, x: Any) -> str:
    """A hint if `module_class(*fields.values())` makes other parameter shapes than `module_class(**fields)`.

    Tests build Linen modules positionally, so the order of the fields is part of the interface.
    """
    import jax

    def shapes(module: Any) -> Any:
        return jax.tree.map(lambda a: tuple(a.shape), jax.eval_shape(module.init, key, x))

    try:
        if shapes(module_class(*fields.values())) == shapes(module_class(**fields)):
            return ""
    except Exception:
        return ""
    positional = ", ".join(map(repr, fields.values()))
    keywords = ", ".join(f"{name}={value!r}" for name, value in fields.items())
    return (f"Likely mistake: the fields are declared in another order than {', '.join(fields)}, so "
            f"{module_class.__name__}({positional}) does not mean {module_class.__name__}({keywords}).")


@contextlib.contextmanager
def explained(what: str, hints: dict[str, str] | None = None) -> Iterator[None]:
    """Turn an error the answer raises into a CheckFailed naming `what` and, from `hints`, the likely mistake."""
    try:
        yield
    except CheckFailed:
        raise
    except Exception as error:
        text = f"{type(error).__name__}: {error}"
        hint = next((h for key, h in (hints or {}).items() if key in text), "")
        raise CheckFailed(f"{what} raised {text}" + (f"\nLikely mistake: {hint}" if hint else "")) from error


def _resolve(dotted: str) -> tuple[Any, str, Any]:
    """(owner, attribute name, value) for a dotted path such as "flax.linen.Conv"."""
    parts = dotted.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            owner = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for name in parts[split:-1]:
            owner = getattr(owner, name)
        return owner, parts[-1], getattr(owner, parts[-1])
    raise ValueError(f"cannot resolve {dotted!r}")


class _TorchCallGuard(TorchFunctionMode):
    """Raises on any call of a torch function whose name is forbidden, however it was reached."""

    def __init__(self, exercise: str, names: dict[str, list[str]]) -> None:
        super().__init__()
        self.exercise, self.names = exercise, names

    def __torch_function__(self, func, types, args=(), kwargs=None):
        name = getattr(func, "__name__", "").split(".")[0]  # torch.ops overloads are named "conv1d.default"
        if name in self.names:
            shown = " / ".join(self.names[name])
            raise ForbiddenCall(
                f"{self.exercise} called {shown}, which this exercise asks you to write yourself. "
                f"Rewrite it without {shown}."
            )
        return func(*args, **(kwargs or {}))


def _raiser(exercise: str, dotted: str) -> Callable[..., Any]:
    """A stand-in for a forbidden non-torch function or method that raises ForbiddenCall."""

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise ForbiddenCall(
            f"{exercise} called {dotted}, which this exercise asks you to write yourself. "
            f"Rewrite it without {dotted}."
        )

    return forbidden


@contextlib.contextmanager
def forbidden_calls(exercise: str, *targets: str) -> Iterator[None]:
    """While active, calling any of `targets` (dotted names) raises ForbiddenCall.

    A target may read "flax.linen.pooling.pool as flax.linen.max_pool": the first path is
    what is guarded, the second what the message names.

    Torch functions are caught by name at torch's dispatch, so aliases and saved
    references are caught too. Other functions are replaced where they live; for a
    class (torch.nn.Conv1d, flax.nnx.Conv), building an instance, a subclass's instance
    or calling one is forbidden.
    """
    torch_names: dict[str, list[str]] = {}
    patches: list[tuple[Any, str, Any]] = []
    for target in targets:
        path, _, shown = target.partition(" as ")
        dotted = shown or path
        owner, name, value = _resolve(path)
        if isinstance(value, type):
            patches += [(value, method, _raiser(exercise, dotted)) for method in ("__init__", "__call__")]
        elif dotted.startswith("torch."):
            torch_names.setdefault(getattr(value, "__name__", name), []).append(dotted)
        else:
            patches.append((owner, name, _raiser(exercise, dotted)))
    missing = object()
    saved = [(owner, name, vars(owner).get(name, missing)) for owner, name, _ in patches]
    try:
        for owner, name, replacement in patches:
            setattr(owner, name, replacement)
        with _TorchCallGuard(exercise, torch_names) if torch_names else contextlib.nullcontext():
            yield
    finally:
        for owner, name, original in reversed(saved):
            if original is missing:
                delattr(owner, name)  # it was inherited: uncover the parent's again
            else:
                setattr(owner, name, original)


@contextlib.contextmanager
def highest_precision() -> Iterator[None]:
    """Full float32 precision for matmuls and convolutions in torch and JAX, restored after.

    GPUs may use TF32 and TPUs bfloat16 passes by default; checks run under this so
    their verdict does not depend on the device.
    """
    import jax

    cudnn, cuda_matmul = torch.backends.cudnn, torch.backends.cuda.matmul
    saved = (cudnn.allow_tf32, cuda_matmul.allow_tf32, torch.get_float32_matmul_precision())
    cudnn.allow_tf32, cuda_matmul.allow_tf32 = False, False
    torch.set_float32_matmul_precision("highest")
    try:
        with jax.default_matmul_precision("highest"):
            yield
    finally:
        cudnn.allow_tf32, cuda_matmul.allow_tf32 = saved[0], saved[1]
        torch.set_float32_matmul_precision(saved[2])


@contextlib.contextmanager
def substituted(namespace: dict[str, Any], **replacements: Any) -> Iterator[None]:
    """While active, `namespace` (e.g. a notebook's `globals()`) maps the given names to replacements.

    Tests use it to give an exercise reference versions of earlier exercises it may call,
    so that one mistake costs points once.
    """
    missing = object()
    saved = {name: namespace.get(name, missing) for name in replacements}
    namespace.update(replacements)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is missing:
                namespace.pop(name, None)
            else:
                namespace[name] = value


def layouts(tensor: torch.Tensor) -> dict[str, torch.Tensor]:
    """The values of `tensor` in several memory layouts: contiguous and non-contiguous views.

    Every entry compares equal to `tensor`; only `stride()` and `storage_offset()` differ.
    """
    result = {"contiguous": tensor.contiguous()}
    if tensor.dim() >= 2:
        result["transposed view"] = tensor.transpose(-1, -2).contiguous().transpose(-1, -2)
    spread = torch.zeros(*tensor.shape[:-1], 2 * tensor.shape[-1], dtype=tensor.dtype, device=tensor.device)
    spread[..., ::2] = tensor
    result["every-other-element slice"] = spread[..., ::2]
    storage = torch.zeros(tensor.numel() + 3, dtype=tensor.dtype, device=tensor.device)
    storage[3:] = tensor.reshape(-1)
    result["storage_offset 3"] = storage[3:].view(tensor.shape)
    return result


def passed(message: str) -> None:
    """Print a short success line for a visible check."""
    print(f"\N{CHECK MARK} {message}")
