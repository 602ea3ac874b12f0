"""What an exercise asks and how its outcomes are judged: one description for visible checks and hidden tests.

An `Exercise` turns a case (a dict of literals such as {"x": (2, 3, 9), "seed": 4}) into calls of
the answer (`calls`) and judges what they gave (`judge`) against library references and known
mistakes. Running the calls is the student's process's job (`course.kernel.notebook`); what came
back travels as data (`course.judging.payload`), so that the grader can judge hidden tests in its
own process (`course.grading.verdicts`), rebuilding every input from the case itself.

This module is shared by the student's kernel, where visible checks judge, and the grader.
"""

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from course.judging.checks import CheckFailed, Mistake, highest_precision, hint
from course.judging.forbidden import NOTHING, Operation, forbidden_message
from course.judging.payload import MalformedPayload, decode
from course.versions import newer_library_note

NOT_WRITTEN = "NotImplementedError"
EVERY_CALL = slice(None)
MAX_ERROR_TEXT = 400
SHOWN_ERROR_TEXT = 160  # of an error, in a failure message


@dataclass
class Call:
    """One call of the answer: a label for messages, how to make it, and its arguments by name.

    Array arguments are watched: an answer that changes one in place is reported.
    """

    label: str
    invoke: Callable[[Any], Any]
    args: dict[str, Any] = field(default_factory=dict)


def calling_with(*args: Any) -> Callable[[Any], Any]:
    """A Call's `invoke` that calls the answer with `args`."""
    return lambda answer: answer(*args)


@dataclass
class Outcome:
    """What one call of the answer gave: a value, or the error it raised."""

    label: str
    value: Any = None
    raised: str | None = None


@dataclass
class Record:
    """What one case of an exercise produced in the student's process: outcomes, forbidden calls, changed inputs."""

    outcomes: list[Outcome]
    forbidden: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @classmethod
    def decode(cls, data: Any) -> "Record":
        """The record `course.kernel.encode.encode_record` wrote; raises MalformedPayload on anything else."""
        if not isinstance(data, dict) or set(data) != {"outcomes", "forbidden", "changed"}:
            raise MalformedPayload("a record has the wrong fields")
        texts = (
            data["forbidden"] + data["changed"]
            if all(isinstance(data[k], list) for k in data)
            else [None]
        )
        if not all(isinstance(text, str) for text in texts) or not isinstance(
            data["outcomes"], list
        ):
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


class Exercise:
    """One graded exercise: how to call an answer on a case, and how to judge what it returned.

    Subclasses set `name`, the `forbidden` operation (`course.judging.forbidden`), the `visible`
    cases, and implement `calls`, `describe` and `judge_value`. `answer_is_notebook` says that the
    answer is the notebook's namespace (01's warm-up pairs).
    """

    name: str = ""
    forbidden: Operation = NOTHING
    answer_is_notebook: bool = False
    # A visible check makes and judges one call at a time, and stops at the first wrong one: for a layer, whose
    # later calls (init, apply) cost compiling what a wrong first one (its parameter shapes) already gave away.
    checked_call_by_call: bool = False
    visible: tuple[dict[str, Any], ...] = ()
    # Earlier exercises of the notebook whose answers this one may call: its hidden tests substitute their
    # references (a test keeps the two in step), and a visible check that fails while one of them fails its own
    # check points there first.
    uses: tuple[str, ...] = ()
    # a text an error contains -> the mistake it shows
    error_hints: ClassVar[dict[str, Mistake]] = {}
    # For an exercise whose library reference would itself be an allowed answer (same_padding may call
    # lax.padtype_to_pads), or would travel with a hidden case into the student's process (force_pair), the
    # reference lives only with the grader, under this dotted name; visible cases state their expected value.
    trusted_reference: str = ""

    def reference(self, *args: Any, **kwargs: Any) -> Any:
        """The right output for these arguments: a library call, or the grader-only trusted reference."""
        if not self.trusted_reference:
            raise NotImplementedError(f"{type(self).__name__} has no reference")
        module, _, name = self.trusted_reference.rpartition(".")
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

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

    def prepare(self) -> None:
        """Compute, once, what judging a right answer to the visible cases computes (nothing by default).

        A JAX exercise's first check otherwise pays for compiling its reference, and an answer's
        code for those shapes, from scratch (seconds for a Flax layer): its reference run once
        leaves JAX's caches warm for both.
        """

    def describe(self, case: dict[str, Any], label: str) -> str:
        """The call behind one outcome, as messages show it, e.g. "conv1d(x (2, 3, 9) transposed view, ...)"."""
        raise NotImplementedError

    def judge_value(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """Raise CheckFailed unless `value`, returned by `call`, is right."""
        raise NotImplementedError

    def explain_error(self, what: str, raised: str) -> str:
        """The message for an answer that raised `raised` ("TypeError: ...") while computing `what`."""
        if raised.startswith(NOT_WRITTEN):
            return not_written(self.name, raised.partition(": ")[2].strip())
        newer = newer_library_note(raised)
        mistake = next((m for key, m in self.error_hints.items() if key in raised), None) or (
            Mistake("newer-python", newer) if newer else None
        )
        return f"{what} raised {shortened(raised)}{hint(mistake)}"

    def judge(self, case: dict[str, Any], record: Record, steps: slice = EVERY_CALL) -> None:
        """Raise CheckFailed, with one message, unless every outcome of `case` (of its calls `steps`) is right."""
        if record.forbidden:
            raise CheckFailed(forbidden_message(self.name, record.forbidden[0]))
        calls = self.calls(case)[steps]
        if [call.label for call in calls] != [outcome.label for outcome in record.outcomes]:
            raise CheckFailed(
                f"{self.name}: the results that came back do not match the calls the tests made."
            )
        # references on a GPU or TPU, too, are computed at full float32 precision
        with highest_precision():
            for call, outcome in zip(calls, record.outcomes):
                what = self.describe(case, call.label)
                if outcome.raised is not None:
                    raise CheckFailed(self.explain_error(what, outcome.raised))
                self.judge_value(case, call, outcome.value, what)


def compute_candidates(candidates: dict[Mistake, Any]) -> None:
    """Compute every known mistake's output that is still a function, as judging a wrong answer does: run from an
    exercise's `prepare`, it leaves JAX's caches warm for a student's first wrong answer."""
    for candidate in candidates.values():
        if callable(candidate):
            candidate()


def shortened(raised: str) -> str:
    """An error's text as one line of a message: its first line, cut at SHOWN_ERROR_TEXT characters."""
    line = raised.strip().splitlines()[0] if raised.strip() else raised
    return (
        line
        if len(line) <= SHOWN_ERROR_TEXT
        else line[: SHOWN_ERROR_TEXT - 1] + "\N{HORIZONTAL ELLIPSIS}"
    )


def not_written(name: str, stub: str = "") -> str:
    """The message for an answer that ran into a stub: its own, or the `stub` of another exercise it uses."""
    if stub and stub != name and stub.isidentifier():
        return (
            f"{name} uses your {stub}, which is not written yet: get {stub}'s check passing first."
        )
    return (
        f"{name} is not written yet: replace `raise NotImplementedError()` in its solution cell "
        f"with your code and run that cell."
    )


def cases_text(count: int) -> str:
    """How many cases, in words: "1 case", "5 cases"."""
    return f"{count} case{'' if count == 1 else 's'}"


class ExerciseSet:
    """The exercises of one notebook, by graded name."""

    def __init__(self, *exercises: Exercise) -> None:
        self.exercises = {exercise.name: exercise for exercise in exercises}

    def __getitem__(self, name: str) -> Exercise:
        return self.exercises[name]
