"""Catch calls of the library functions an exercise asks students to write themselves.

`make release` copies this module into every student notebook, so it may import only the
standard library and the course's third-party packages, never `course`.
"""

import contextlib
import importlib
import re
import types
from typing import Any, Callable, Iterator, Sequence

import torch
from torch.overrides import TorchFunctionMode
from torch.utils._python_dispatch import TorchDispatchMode


class ForbiddenCall(AssertionError):
    """An answer called a library function that its exercise re-implements."""


def forbidden_message(exercise: str, shown: str) -> str:
    """What a student is told when `exercise` called `shown`."""
    return (f"{exercise} called {shown}, which this exercise asks you to write yourself. "
            f"Rewrite it without {shown}.")


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


class _Recorder:
    """The forbidden calls made while a guard is active, caught by the answer or not."""

    def __init__(self, exercise: str) -> None:
        self.exercise = exercise
        self.calls: list[str] = []

    def refuse(self, shown: str) -> None:
        """Record a call of `shown` and raise ForbiddenCall."""
        if shown not in self.calls:
            self.calls.append(shown)
        raise ForbiddenCall(forbidden_message(self.exercise, shown))


class _FunctionGuard(TorchFunctionMode):
    """Refuses torch functions by name, however they were reached (aliases, saved references, torch.ops)."""

    def __init__(self, recorder: _Recorder, names: dict[str, list[str]]) -> None:
        super().__init__()
        self.recorder, self.names = recorder, names

    def __torch_function__(self, func, types, args=(), kwargs=None):
        name = getattr(func, "__name__", "").split(".")[0]  # torch.ops overloads are named "conv1d.default"
        if name in self.names:
            self.recorder.refuse(" / ".join(self.names[name]))
        return func(*args, **(kwargs or {}))


class _OperatorGuard(TorchDispatchMode):
    """Refuses ATen operators by pattern: the backstop for paths below Python (TorchScript, jit.fork)."""

    def __init__(self, recorder: _Recorder, pattern: re.Pattern, example: str) -> None:
        super().__init__()
        self.recorder, self.pattern, self.example = recorder, pattern, example

    @classmethod
    def _should_skip_dynamo(cls) -> bool:
        """Keep __torch_dispatch__ unwrapped: torch's wrapper imports torch._dynamo (a second) on its first call."""
        return False

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        operator = str(func).split(".")[1] if str(func).startswith("aten.") else ""
        if operator and self.pattern.fullmatch(operator):
            self.recorder.refuse(f"aten.{operator} (what {self.example} runs)")
        return func(*args, **(kwargs or {}))


def _swap_code(function: types.FunctionType, refuse: Callable[[], Any]) -> Callable[[], None]:
    """Make the function object itself refuse every call, however it is referenced; return how to undo it.

    A saved reference (`from flax.linen.pooling import pool`) bypasses a patch of the module
    attribute, but not this: the object's code is swapped for a stand-in while the guard is active.
    """
    key = f"_course_refuse_{id(function)}"
    namespace = function.__globals__
    namespace[key] = refuse
    stand_in = eval(compile(f"lambda *args, **kwargs: {key}()", "<guard>", "eval"), namespace)
    saved = (function.__code__, function.__defaults__, function.__kwdefaults__)
    function.__code__, function.__defaults__, function.__kwdefaults__ = stand_in.__code__, None, None

    def undo() -> None:
        function.__code__, function.__defaults__, function.__kwdefaults__ = saved
        namespace.pop(key, None)

    return undo


def _raiser(recorder: _Recorder, dotted: str) -> Callable[..., Any]:
    """A stand-in for a forbidden non-torch function or method that refuses the call."""

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        recorder.refuse(dotted)

    return forbidden


@contextlib.contextmanager
def forbidden_calls(exercise: str, targets: Sequence[str] = (), operators: str = "") -> Iterator[list[str]]:
    """While active, calling any of `targets` (dotted names) raises ForbiddenCall; yields the list of calls made.

    A target may read "flax.linen.pooling.pool as flax.linen.max_pool": the first path is
    what is guarded, the second what the message names. Torch functions are caught by name at
    torch's function dispatch, so aliases and saved references are caught too; `operators`, a
    regular expression over ATen operator names such as "convolution", also catches them below
    Python. Other functions are replaced where they live; for a class (torch.nn.Conv1d,
    flax.nnx.Conv), building an instance, a subclass's instance or calling one is forbidden.
    The yielded list keeps every forbidden call, also those the answer caught.
    """
    recorder = _Recorder(exercise)
    torch_names: dict[str, list[str]] = {}
    patches: list[tuple[Any, str, Any]] = []
    swaps: dict[types.FunctionType, list[str]] = {}
    for target in targets:
        path, _, shown = target.partition(" as ")
        dotted = shown or path
        owner, name, value = _resolve(path)
        if isinstance(value, type):
            patches += [(value, method, _raiser(recorder, dotted)) for method in ("__init__", "__call__")]
        elif dotted.startswith("torch."):
            torch_names.setdefault(getattr(value, "__name__", name), []).append(dotted)
        elif isinstance(value, types.FunctionType) and not value.__code__.co_freevars:
            swaps.setdefault(value, []).append(dotted)
        else:
            patches.append((owner, name, _raiser(recorder, dotted)))
    missing = object()
    saved = [(owner, name, vars(owner).get(name, missing)) for owner, name, _ in patches]
    example = next((t for t in targets if t.startswith("torch.")), "a forbidden torch function")
    undo: list[Callable[[], None]] = []
    try:
        for owner, name, replacement in patches:
            setattr(owner, name, replacement)
        for function, names in swaps.items():
            undo.append(_swap_code(function, lambda shown=" / ".join(names): recorder.refuse(shown)))
        with contextlib.ExitStack() as modes:
            if torch_names:
                modes.enter_context(_FunctionGuard(recorder, torch_names))
            if operators:
                modes.enter_context(_OperatorGuard(recorder, re.compile(operators), example))
            yield recorder.calls
    finally:
        for restore in reversed(undo):
            restore()
        for owner, name, original in reversed(saved):
            if original is missing:
                delattr(owner, name)  # it was inherited: uncover the parent's again
            else:
                setattr(owner, name, original)

__all__ = ["ForbiddenCall", "forbidden_calls", "torch"]
