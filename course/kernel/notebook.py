"""What a notebook's cells call: visible checks, hidden tests, and `needs` for demo cells.

A notebook's setup cell binds, for every exercise, `check_<name>()` and `hidden_tests(...)`:

    globals().update(checks_for(EXERCISES))

- A visible check runs the exercise's visible cases on the answer, with its forbidden operation
  switched off (`course.kernel.switches`), judges what came back exactly as the grader would (after a
  round trip through the payload's JSON), and prints one line. An answer not defined or not written
  yet gets one line too, and Run All goes on.
- A hidden-test cell runs the hidden cases. In a grading process (`course.kernel.process`), where the
  forbidden operation was destroyed before the student's code ran, what the answer returned is
  published as data for the grader to judge in its own process; expected values never enter the
  student's process. Elsewhere (an instructor running a source notebook) it is judged in place.

`make release` copies this module, and the course modules it imports, into every student notebook.
"""

import contextlib
import functools
import io
import json
import sys
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

from course.judging.checks import CheckFailed, check_close, highest_precision, passed
from course.judging.exercise import (
    EVERY_CALL,
    MAX_ERROR_TEXT,
    NOT_WRITTEN,
    Exercise,
    ExerciseSet,
    Outcome,
    Record,
    cases_text,
)
from course.judging.forbidden import forbidden_message
from course.kernel.encode import encode_record
from course.kernel.runtime import DEVICE, grading, report_runtime
from course.kernel.switches import ForbiddenCall, switched_off

# Where a grading process takes published results (`course.kernel.process` puts its channel here).
publishers: list[Callable[[dict[str, Any]], None]] = []


def _raised_in(error: BaseException) -> str:
    """The notebook's own function or class that `error` last went through ("" if none), e.g. "MyConv2D"."""
    name, frame = "", error.__traceback__
    while frame is not None:
        code = frame.tb_frame.f_code
        if frame.tb_frame.f_globals.get("__name__") == "__main__" and code.co_name.isidentifier():
            name = code.co_qualname.partition(".")[0]
        frame = frame.tb_next
    return name


def _error_text(error: BaseException) -> str:
    """What an answer raised, as a record keeps it; a stub's error names the stub it came from."""
    if isinstance(error, NotImplementedError):
        return f"{NOT_WRITTEN}: {_raised_in(error)}"
    return f"{type(error).__name__}: {error}"[:MAX_ERROR_TEXT]


def waiting(message: str) -> None:
    """Print one line for a check or demo that cannot run yet; the notebook runs on."""
    print(f"\N{HOURGLASS} {message}")


@contextlib.contextmanager
def needs(*names: str, hint: str = "") -> Iterator[None]:
    """Run a demo cell that uses the student's `names`; if one is missing or not written yet, say which in one line.

    The rest of the `with` block is skipped and the notebook runs on: no traceback, no error.
    """
    try:
        yield
    except (NotImplementedError, NameError) as error:
        if not isinstance(error, NameError):
            needed = f"your `{_raised_in(error) or ' / '.join(names)}`, which is not written yet"
        elif error.name in names:
            needed = f"your `{error.name}`, which is not defined in this notebook"
        else:  # a name that an earlier cell, which needed the same and did not run, would have made
            needed = f"your {' and '.join(f'`{name}`' for name in names)}"
        waiting(
            f"This cell needs {needed}: it did not run."
            + (f" {hint}" if hint else " Come back once its check passes.")
        )


@contextlib.contextmanager
def substituted(
    namespace: dict[str, Any] | None, replacements: dict[str, Any] | None
) -> Iterator[None]:
    """While active, `namespace` (a notebook's `globals()`) maps the given names to replacements.

    Hidden tests use it to give an exercise reference versions of earlier exercises it may
    call, so that one mistake costs points once.
    """
    if not namespace or not replacements:
        yield
        return
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


def _snapshot(value: Any) -> Any:
    """A copy of a mutable input (torch tensor or NumPy array), to see later whether the answer changed it."""
    clone = getattr(value, "clone", None) or getattr(value, "copy", None)
    return (
        clone()
        if clone is not None and type(value).__module__.split(".")[0] in ("torch", "numpy")
        else None
    )


def _unchanged(value: Any, snapshot: Any) -> bool:
    """Whether `value` still holds what `snapshot` copied."""
    if snapshot is None:
        return True
    try:
        return value.shape == snapshot.shape and bool((value == snapshot).all())
    except Exception:
        return False


def run_case(
    exercise: Exercise,
    answer: Any,
    case: dict[str, Any],
    forbidden: list[str],
    namespace: dict[str, Any] | None = None,
    substitutes: dict[str, Any] | None = None,
    steps: slice = EVERY_CALL,
) -> Record:
    """Make the calls `case` says (`steps` of them); never raises for the answer's errors.

    `forbidden` collects refused calls.
    """
    outcomes, changed = [], []
    with substituted(namespace, substitutes), highest_precision():
        for call in exercise.calls(case)[steps]:
            before = {name: _snapshot(value) for name, value in call.args.items()}
            try:
                outcomes.append(Outcome(call.label, call.invoke(answer)))
            except BaseException as error:  # SystemExit too: it is the answer's, not the notebook's
                outcomes.append(Outcome(call.label, raised=_error_text(error)))
            changed += [
                f"{call.label}: changed its input {name} in place"
                for name, value in call.args.items()
                if not _unchanged(value, before[name])
            ]
    return Record(outcomes, list(dict.fromkeys(forbidden)), changed)


def roundtrip(record: Record) -> Record:
    """`record` as the grader would see it: encoded to JSON text and decoded again."""
    return Record.decode(json.loads(json.dumps(encode_record(record))))


def refusing(exercise: str, calls: list[str]) -> Callable[[str], NoReturn]:
    """What a switched-off operation does when called: note the call in `calls`, then raise ForbiddenCall."""

    def refuse(shown: str) -> NoReturn:
        calls.append(shown)
        raise ForbiddenCall(forbidden_message(exercise, shown))

    return refuse


def guarded_record(
    exercise: Exercise,
    answer: Any,
    case: dict[str, Any],
    namespace: dict[str, Any] | None = None,
    substitutes: dict[str, Any] | None = None,
    steps: slice = EVERY_CALL,
) -> Record:
    """The case's record with the exercise's forbidden operation switched off while the answer runs."""
    calls: list[str] = []
    with switched_off(exercise.forbidden, refusing(exercise.name, calls)):
        return run_case(exercise, answer, case, calls, namespace, substitutes, steps)


def check_steps(exercise: Exercise, case: dict[str, Any]) -> list[slice]:
    """The groups of calls a visible check makes and judges in turn: one by one, or all at once."""
    if not exercise.checked_call_by_call:
        return [EVERY_CALL]
    return [slice(step, step + 1) for step in range(len(exercise.calls(case)))]


def check(exercise: Exercise, answer: Any) -> None:
    """The visible check: run and judge every visible case here, then print one line.

    An answer that is not written yet (a stub's NotImplementedError) gets one line, not a failure,
    so that Run All goes on through the notebook.
    """
    if grading():
        print(
            f"(the visible check of {exercise.name} does not run while grading: its hidden tests decide)"
        )
        return
    for case in exercise.visible:
        for steps in check_steps(exercise, case):
            record = roundtrip(guarded_record(exercise, answer, case, steps=steps))
            stub = next(
                (
                    o.raised
                    for o in record.outcomes
                    if o.raised and o.raised.startswith(NOT_WRITTEN)
                ),
                None,
            )
            if stub is not None and not record.forbidden:
                waiting(exercise.explain_error(exercise.name, stub))
                return
            exercise.judge(case, record, steps)
    passed(f"{exercise.name} passes its checks ({cases_text(len(exercise.visible))})")


def failing_used_answer(
    exercise: Exercise, exercises: ExerciseSet, namespace: dict[str, Any]
) -> str:
    """The first of the notebook's answers that `exercise` may call whose own visible check fails ("" if none)."""
    for name in exercise.uses:
        if name in namespace:
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    check(exercises[name], namespace[name])
            except CheckFailed:
                return name
    return ""


def check_in_notebook(exercise: Exercise, exercises: ExerciseSet) -> None:
    """The visible check of the notebook's own answer, found by name; one line if its cell has not run yet.

    A failure while an earlier answer it may call fails its own check points to that answer instead of
    naming a likely mistake here: the mistake may well be there."""
    namespace = vars(sys.modules["__main__"])
    if exercise.answer_is_notebook:
        check(exercise, namespace)
    elif exercise.name not in namespace:
        waiting(
            f"{exercise.name} is not defined yet: run its solution cell (the cell that defines "
            f"{exercise.name}, above), then this check."
        )
    else:
        try:
            check(exercise, namespace[exercise.name])
        except CheckFailed as failure:
            used = failing_used_answer(exercise, exercises, namespace)
            if not used:
                raise
            first = str(failure).splitlines()[0]
            raise CheckFailed(
                f"{first}\n{exercise.name} may call your {used}, which fails its own check: get "
                f"check_{used}() passing first."
            ) from None


def hidden_tests(
    exercises: ExerciseSet,
    name: str,
    answer: Any,
    cases: list[dict[str, Any]],
    namespace: dict[str, Any] | None = None,
    substitutes: dict[str, Any] | None = None,
) -> None:
    """Run the hidden `cases` of exercise `name` on `answer`: published in a grading process, judged here otherwise.

    `substitutes` replaces names in `namespace` during the calls (reference versions of earlier
    exercises this one may use).
    """
    exercise = exercises[name]
    if grading():
        if not publishers:
            raise RuntimeError(
                "hidden tests run while grading, but not in a grading process: nothing to publish to"
            )
        calls: list[str] = []  # this process's lockdown already destroyed the forbidden operation
        records = [
            encode_record(run_case(exercise, answer, case, calls, namespace, substitutes))
            for case in cases
        ]
        publishers[-1]({"exercise": name, "records": records})
        return
    for case in cases:
        exercise.judge(
            case, roundtrip(guarded_record(exercise, answer, case, namespace, substitutes))
        )
    passed(f"{name} passes its hidden tests ({cases_text(len(cases))})")


def checks_for(exercises: ExerciseSet) -> dict[str, Callable[..., None]]:
    """`check_<name>()` for every exercise of a notebook, which checks the notebook's `<name>`, and `hidden_tests`.

    Outside grading, each exercise first prepares its visible check (`Exercise.prepare`), so that
    the first check, right or wrong, does not wait for JAX to compile.
    """
    if not grading():
        with highest_precision():  # as the checks will run
            for exercise in exercises.exercises.values():
                exercise.prepare()
    found: dict[str, Callable[..., None]] = {
        f"check_{name}": functools.partial(check_in_notebook, exercise, exercises)
        for name, exercise in exercises.exercises.items()
    }
    found["hidden_tests"] = lambda name, answer, cases, namespace=None, substitutes=None: (
        hidden_tests(exercises, name, answer, cases, namespace, substitutes)
    )
    return found


__all__ = [
    "DEVICE",
    "CheckFailed",
    "check_close",
    "checks_for",
    "grading",
    "highest_precision",
    "needs",
    "passed",
    "report_runtime",
]
