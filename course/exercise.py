"""How an exercise is run, checked and graded: one description drives visible checks and hidden tests.

An `Exercise` turns a case (a dict of literals such as {"x": (2, 3, 9), "seed": 4}) into calls of
the answer (`calls`), runs them in the student's kernel, where the answer lives (`run`), and
judges what came back against library references and known mistakes (`judge`).

- A visible check (`Exercise.check`) runs and judges the exercise's visible cases in the kernel.
- Hidden tests (`ExerciseSet.hidden_tests`), while nbgrader grades a notebook, only run the
  hidden cases: what the answer returned leaves the kernel as data (`course.payload`), and the
  grader judges it in its own process (`course.grading.verdicts`), rebuilding every input from
  the case itself. Expected values never enter the kernel, and nothing a solution does there
  can change a verdict. Outside grading (an instructor running a source notebook), hidden
  tests are judged in the kernel, by the same code.

`make release` copies this module, and the course modules it imports, into every student notebook.
"""

import contextlib
import importlib
import json
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from course.checks import CheckFailed, hint, highest_precision, passed
from course.guard import forbidden_calls, forbidden_message
from course.payload import MIME_TYPE, MalformedPayload, decode, encode
from course.runtime import grading

NOT_WRITTEN = "NotImplementedError"
MAX_ERROR_TEXT = 400


def _raised_in(error: BaseException) -> str:
    """The innermost function of the notebook's own code that `error` went through ("" if none)."""
    name, frame = "", error.__traceback__
    while frame is not None:
        if frame.tb_frame.f_globals.get("__name__") == "__main__" and frame.tb_frame.f_code.co_name.isidentifier():
            name = frame.tb_frame.f_code.co_name
        frame = frame.tb_next
    return name


@contextlib.contextmanager
def needs(*names: str, hint: str = "") -> Iterator[None]:
    """Run a demo cell that uses the student's `names`; if one is missing or not written yet, say which in one line.

    The rest of the `with` block is skipped and the notebook runs on: no traceback, no error.
    """
    try:
        yield
    except (NotImplementedError, NameError) as error:
        if isinstance(error, NameError):
            missing, state = error.name or " / ".join(names), "not defined in this notebook"
        else:
            missing, state = _raised_in(error) or " / ".join(names), "not written yet"
        print(f"\N{HOURGLASS} This cell needs your `{missing}`, which is {state}: it did not run."
              + (f" {hint}" if hint else " Come back once its check passes."))


@contextlib.contextmanager
def substituted(namespace: dict[str, Any] | None, replacements: dict[str, Any] | None) -> Iterator[None]:
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


@dataclass
class Call:
    """One call of the answer: a label for messages, how to make it, and its arguments by name.

    Array arguments are watched: an answer that changes one in place is reported.
    """

    label: str
    invoke: Callable[[Any], Any]
    args: dict[str, Any] = field(default_factory=dict)


@dataclass
class Outcome:
    """What one call of the answer gave: a value, or the error it raised."""

    label: str
    value: Any = None
    raised: str | None = None


@dataclass
class Record:
    """What one case of an exercise produced in the kernel: outcomes, forbidden calls, changed inputs."""

    outcomes: list[Outcome]
    forbidden: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    def encode(self) -> dict[str, Any]:
        """This record as JSON data."""
        outcomes = [{"label": o.label, "raised": o.raised} if o.raised is not None
                    else {"label": o.label, "value": encode(o.value)} for o in self.outcomes]
        return {"outcomes": outcomes, "forbidden": list(self.forbidden), "changed": list(self.changed)}

    @classmethod
    def decode(cls, data: Any) -> "Record":
        """The record `encode` wrote; raises MalformedPayload on anything else."""
        if not isinstance(data, dict) or set(data) != {"outcomes", "forbidden", "changed"}:
            raise MalformedPayload("a record has the wrong fields")
        texts = data["forbidden"] + data["changed"] if all(isinstance(data[k], list) for k in data) else [None]
        if not all(isinstance(text, str) for text in texts) or not isinstance(data["outcomes"], list):
            raise MalformedPayload("a record's lists hold something other than text")
        outcomes = []
        for item in data["outcomes"]:
            if not isinstance(item, dict) or not isinstance(item.get("label"), str):
                raise MalformedPayload("an outcome has no label")
            if set(item) == {"label", "raised"} and isinstance(item["raised"], str):
                outcomes.append(Outcome(item["label"], raised=item["raised"][:MAX_ERROR_TEXT]))
            elif set(item) == {"label", "value"}:
                outcomes.append(Outcome(item["label"], decode(item["value"])))
            else:
                raise MalformedPayload("an outcome is neither a value nor an error")
        return cls(outcomes, data["forbidden"], data["changed"])


def _snapshot(value: Any) -> Any:
    """A copy of a mutable input (torch tensor or NumPy array), to see later whether the answer changed it."""
    clone = getattr(value, "clone", None) or getattr(value, "copy", None)
    return clone() if clone is not None and type(value).__module__.split(".")[0] in ("torch", "numpy") else None


def _unchanged(value: Any, snapshot: Any) -> bool:
    """Whether `value` still holds what `snapshot` copied."""
    if snapshot is None:
        return True
    try:
        return value.shape == snapshot.shape and bool((value == snapshot).all())
    except Exception:
        return False


class Exercise:
    """One graded exercise: how to call an answer on a case, and how to judge what it returned.

    Subclasses set `name`, the `forbidden` library functions (dotted names) and ATen
    `operators` (a regular expression), the `visible` cases, and implement `calls`,
    `describe` and `judge_value`.
    """

    name: str = ""
    forbidden: tuple[str, ...] = ()
    operators: str = ""
    visible: tuple[dict[str, Any], ...] = ()
    error_hints: dict[str, str] = {}
    # For an exercise whose library reference would itself be an allowed answer (same_padding may call
    # lax.padtype_to_pads), the reference lives only with the grader, under this dotted name, and the
    # visible cases state their expected value as data ("expected").
    trusted_reference: str = ""

    def reference(self, **args: Any) -> Any:
        """The right output for these arguments: a library call, or the grader-only trusted reference."""
        if not self.trusted_reference:
            raise NotImplementedError(f"{type(self).__name__} has no reference")
        module, _, name = self.trusted_reference.rpartition(".")
        return getattr(importlib.import_module(module), name)(**args)

    def inputs(self, case: dict[str, Any]) -> dict[str, Any]:
        """The answer's arguments for a case, by name (on the CPU)."""
        return {name: value for name, value in case.items() if name not in ("seed", "expected")}

    def expected(self, case: dict[str, Any]) -> Any:
        """The right output for a case: the value it states, else the reference's, computed once per case."""
        if "expected" in case:
            return case["expected"]
        cache = self.__dict__.setdefault("_expected", {})
        key = json.dumps(case, sort_keys=True, default=repr)
        if key not in cache:
            cache[key] = self.reference(**self.inputs(case))
        return cache[key]

    def calls(self, case: dict[str, Any]) -> list[Call]:
        """The calls of the answer that one case makes, in order."""
        raise NotImplementedError

    def describe(self, case: dict[str, Any], label: str) -> str:
        """The call behind one outcome, as messages show it, e.g. "conv1d(x (2, 3, 9) transposed view, ...)"."""
        raise NotImplementedError

    def judge_value(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """Raise CheckFailed unless `value`, returned by `call`, is right."""
        raise NotImplementedError

    def run(self, answer: Any, case: dict[str, Any], namespace: dict[str, Any] | None = None,
            substitutes: dict[str, Any] | None = None) -> Record:
        """Call `answer` as `case` says, watching for forbidden calls; never raises for the answer's errors."""
        outcomes, changed = [], []
        with forbidden_calls(self.name, self.forbidden, self.operators) as called, \
                substituted(namespace, substitutes), highest_precision():
            for call in self.calls(case):
                before = {name: _snapshot(value) for name, value in call.args.items()}
                try:
                    outcomes.append(Outcome(call.label, call.invoke(answer)))
                except Exception as error:
                    outcomes.append(Outcome(call.label, raised=f"{type(error).__name__}: {error}"[:MAX_ERROR_TEXT]))
                changed += [f"{call.label}: changed its input {name} in place"
                            for name, value in call.args.items() if not _unchanged(value, before[name])]
        return Record(outcomes, list(called), changed)

    def explain_error(self, what: str, raised: str) -> str:
        """The message for an answer that raised `raised` ("TypeError: ...") while computing `what`."""
        if raised.startswith(NOT_WRITTEN):
            return (f"{self.name} is not written yet: replace `raise NotImplementedError()` in its solution cell "
                    f"with your code and run that cell.")
        mistake = next((text for key, text in self.error_hints.items() if key in raised), "")
        return f"{what} raised {raised}{hint(mistake)}"

    def judge(self, case: dict[str, Any], record: Record) -> None:
        """Raise CheckFailed, with one message, unless every outcome of `case` is right."""
        if record.forbidden:
            raise CheckFailed(forbidden_message(self.name, record.forbidden[0]))
        calls = self.calls(case)
        if [call.label for call in calls] != [outcome.label for outcome in record.outcomes]:
            raise CheckFailed(f"{self.name}: the results that came back do not match the calls the tests made.")
        with highest_precision():  # references on a GPU or TPU, too, are computed at full float32 precision
            for call, outcome in zip(calls, record.outcomes):
                what = self.describe(case, call.label)
                if outcome.raised is not None:
                    raise CheckFailed(self.explain_error(what, outcome.raised))
                self.judge_value(case, call, outcome.value, what)

    def check(self, answer: Any) -> None:
        """The visible check: run and judge every visible case here, then print one line."""
        if grading():
            print(f"(the visible check of {self.name} does not run while grading: its hidden tests decide)")
            return
        for case in self.visible:
            self.judge(case, roundtrip(self.run(answer, case)))
        passed(f"{self.name} passes its checks ({cases_text(len(self.visible))})")


def cases_text(count: int) -> str:
    """How many cases, in words: "1 case", "5 cases"."""
    return f"{count} case{'' if count == 1 else 's'}"


def roundtrip(record: Record) -> Record:
    """`record` as the grader would see it: encoded to JSON text and decoded again."""
    return Record.decode(json.loads(json.dumps(record.encode())))


class ExerciseSet:
    """The exercises of one notebook, by graded name: what its hidden-test cells call."""

    def __init__(self, *exercises: Exercise) -> None:
        self.exercises = {exercise.name: exercise for exercise in exercises}

    def __getitem__(self, name: str) -> Exercise:
        return self.exercises[name]

    def hidden_tests(self, name: str, answer: Any, cases: list[dict[str, Any]],
                     namespace: dict[str, Any] | None = None, substitutes: dict[str, Any] | None = None) -> None:
        """Run the hidden `cases` of exercise `name` on `answer`.

        While grading, publish what came back for the grader to judge; otherwise judge it here.
        `substitutes` replaces names in `namespace` during the calls (reference versions of
        earlier exercises this one may use).
        """
        exercise = self.exercises[name]
        if grading():
            if "jax" in sys.modules:  # a function jitted outside the guard must be traced again inside it
                sys.modules["jax"].clear_caches()
            records = [exercise.run(answer, case, namespace, substitutes).encode() for case in cases]
            from IPython.display import display
            display({MIME_TYPE: {"exercise": name, "records": records}}, raw=True)
            return
        for case in cases:
            exercise.judge(case, roundtrip(exercise.run(answer, case, namespace, substitutes)))
        passed(f"{name} passes its hidden tests ({cases_text(len(cases))})")
