"""Trusted verdicts: hidden tests are judged in the grader's own process, never in the student's.

`TrustedVerdicts` is an nbgrader preprocessor that runs right after each exercise's grading process
(`course.grading.processes`). For every grade cell it

1. reads the hidden cases from the cell's own source, which nbgrader restored from the gradebook
   (OverwriteCells), so the student's code never had a say in them;
2. takes the one results payload the grading process published: what the answer returned for each
   call, as data;
3. judges every case with the exercise's code from `course.exercises`, rebuilding the inputs and
   computing the expected values and known mistakes here;
4. replaces the cell's outputs with the verdict alone: one success line, or one error with the
   message the student should read. nbgrader then scores an error 0 and anything else full marks.

What the student's code did in its process cannot turn a wrong output into a pass: it never saw an
expected value, and the operation it was to write was destroyed there before it ran. A forbidden
call the process reported costs the exercise, caught by the answer or not. Every flag (forbidden
calls, refusals, inputs changed in place, missing or duplicated payloads) is written to the
notebook's metadata for the report.
"""

import importlib
from types import ModuleType
from typing import Any

from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor

from course.build.cells import HiddenTestsFormatError, grade_id, hidden_call, is_grade, is_solution
from course.build.contract import find_assignment
from course.grading.notes import (
    FORBIDDEN,
    NOT_JUDGED,
    NOTES,
    PASSED,
    RAN,
    REFUSED,
    UNFINISHED,
    UNWRITTEN,
    VERDICTS,
    WRONG,
)
from course.grading.xla import compile_quickly
from course.judging.checks import CheckFailed, naming
from course.judging.exercise import NOT_WRITTEN, Exercise, Record, cases_text
from course.judging.forbidden import forbidden_message
from course.judging.payload import MIME_TYPE, MalformedPayload
from course.versions import newer_library_note


class Verdict:
    """The outcome of one grade cell: passed or not, what the student reads, and notes for the instructor.

    `outcome` is one of OUTCOMES, and `mistakes` the ids of the known mistakes its message names
    (`course.judging.checks.Mistake`): what the report of what the cohort got wrong counts.
    """

    def __init__(
        self,
        passed: bool,
        message: str,
        notes: list[str] | None = None,
        outcome: str = "",
        mistakes: list[str] | None = None,
    ) -> None:
        self.passed, self.message, self.notes = passed, message, notes or []
        self.outcome = outcome or (PASSED if passed else WRONG)
        self.mistakes = list(dict.fromkeys(mistakes or []))

    def output(self) -> NotebookNode:
        """The cell output nbgrader scores: a stdout line for a pass, an error for a failure."""
        if self.passed:
            return new_output("stream", name="stdout", text=f"\N{CHECK MARK} {self.message}\n")
        first, *rest = self.message.splitlines()
        return new_output(
            "error",
            ename="CheckFailed",
            evalue=self.message,
            traceback=[f"\x1b[31m\x1b[1m\N{BALLOT X} {first}\x1b[0m", *rest],
        )

    def summary(self) -> dict[str, Any]:
        """What the notebook's metadata keeps of this verdict for the reports."""
        return {"outcome": self.outcome, "mistakes": self.mistakes}


def payloads(cell: NotebookNode) -> list[Any]:
    """The results payloads a grading process published for a cell."""
    return [
        output["data"][MIME_TYPE]
        for output in cell.get("outputs", [])
        if output.get("output_type") in ("display_data", "execute_result")
        and MIME_TYPE in output.get("data", {})
    ]


def cell_error(cell: NotebookNode) -> str | None:
    """The error a solution cell raised in its grading process ("TypeError: ..."), if it did."""
    return next(
        (
            f"{output.get('ename')}: {output.get('evalue')}"
            for output in cell.get("outputs", [])
            if output.get("output_type") == "error"
        ),
        None,
    )


def unfinished(name: str, ran: dict[str, Any], solution_error: str | None) -> Verdict:
    """The verdict when no results came back, with the reason the grading process gave or left."""
    done: dict[str, Any] = ran["done"] if isinstance(ran.get("done"), dict) else {}
    if ran.get("timed_out") or ran.get("out_of_time"):
        reason = "they ran out of time (the answer may loop forever or be very slow)"
    elif done.get("setup"):
        reason = f"the notebook's setup failed ({str(done['setup'])[:200]})"
    elif done.get("test") and solution_error:  # what the tests raised follows from it
        newer = newer_library_note(solution_error)
        reason = f"the solution cell of {name} raised {solution_error[:200]}" + (
            f"; {newer}" if newer else ""
        )
    elif done.get("test"):
        reason = f"they raised {str(done['test'])[:200]}"
    elif not done:
        reason = "the process stopped before they could run (it crashed, was killed, or ran out of memory)"
    else:
        reason = "no results came back from them"
    return Verdict(
        False,
        f"{name}: the hidden tests did not finish: {reason}.",
        [f"{name}: no results ({'timed out' if ran.get('timed_out') else reason})"],
        UNFINISHED,
    )


def judge_cell(
    module: ModuleType, source: str, cell: NotebookNode, solution: NotebookNode | None
) -> Verdict:
    """The verdict on one grade cell whose trusted source is `source`, after its grading process ran."""
    try:
        call = hidden_call(source)
        exercise = module.EXERCISES[call.exercise]
    except (HiddenTestsFormatError, KeyError) as error:
        return Verdict(
            False,
            "This test cell could not be graded; the instructor has been told.",
            [f"test cell not gradable: {error}"],
            NOT_JUDGED,
        )
    notes_of = solution.metadata.get(NOTES, {}) if solution is not None else {}
    if REFUSED in notes_of:
        return Verdict(
            False,
            f"{call.exercise} was not run: it breaks the grading rules "
            f"({'; '.join(notes_of[REFUSED])}).",
            outcome=REFUSED,
        )
    if solution is None or notes_of.get(UNWRITTEN):
        return Verdict(
            False, exercise.explain_error(call.exercise, f"{NOT_WRITTEN}: "), outcome=UNWRITTEN
        )
    ran = cell.metadata.get(NOTES, {}).get(RAN, {})
    notes = [f"{call.exercise}: called {shown}" for shown in ran.get("forbidden", [])]
    notes += [f"{call.exercise}: refused: {why}" for why in ran.get("refused", [])]
    if ran.get("forbidden"):
        return Verdict(
            False, forbidden_message(call.exercise, ran["forbidden"][0]), notes, FORBIDDEN
        )
    found = payloads(cell)
    if not found:
        verdict = unfinished(call.exercise, ran, cell_error(solution))
        verdict.notes = notes + verdict.notes
        return verdict
    if len(found) > 1:
        return Verdict(
            False,
            f"{call.exercise}: more than one set of results came back, so none is trusted.",
            notes + [f"{call.exercise}: {len(found)} results payloads (a forged payload?)"],
            NOT_JUDGED,
        )
    verdict = judge_payload(exercise, call.exercise, call.cases, found[0])
    verdict.notes = notes + verdict.notes
    raised = cell_error(solution)
    if raised and not verdict.passed:
        verdict.message += f"\nIts solution cell raised {raised[:300]}"
    return verdict


def judge_payload(
    exercise: Exercise, name: str, cases: list[dict[str, Any]], payload: Any
) -> Verdict:
    """The verdict on the results `payload` for the hidden `cases` of `exercise`."""
    try:
        if (
            not isinstance(payload, dict)
            or set(payload) != {"exercise", "records"}
            or payload["exercise"] != name
        ):
            raise MalformedPayload("the payload is not for this exercise")
        if not isinstance(payload["records"], list) or len(payload["records"]) != len(cases):
            raise MalformedPayload("the payload does not hold one record per case")
        records = [Record.decode(data) for data in payload["records"]]
    except MalformedPayload as error:
        return Verdict(
            False,
            f"{name}: the results that came back are malformed, so none is trusted.",
            [f"{name}: malformed results ({error})"],
            NOT_JUDGED,
        )
    notes = [f"{name}: called {call}" for record in records for call in record.forbidden]
    notes += [f"{name}: {change}" for record in records for change in record.changed]
    notes = list(dict.fromkeys(notes))
    for case, record in zip(cases, records):
        try:
            with naming() as named:
                exercise.judge(case, record)
        except CheckFailed as failure:
            outcome = FORBIDDEN if record.forbidden else WRONG
            return Verdict(False, str(failure), notes, outcome, named)
        except Exception as error:  # a value no check foresaw: the answer is not right
            return Verdict(
                False,
                f"{name}: an answer of an unexpected kind came back "
                f"({type(error).__name__}: {str(error)[:200]}).",
                notes
                + [f"{name}: the grader could not judge a result: {type(error).__name__}: {error}"],
            )
    return Verdict(True, f"{name} passes its hidden tests ({cases_text(len(cases))})", notes)


class TrustedVerdicts(NbGraderPreprocessor):
    """nbgrader preprocessor: replace each grade cell's outputs with the verdict judged here."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Judge every grade cell of a notebook whose exercises ran in their grading processes."""
        compile_quickly()
        assignment = find_assignment(resources["nbgrader"]["assignment"])
        module = importlib.import_module(assignment.exercises_module)
        notes = nb.metadata.setdefault(NOTES, {}).setdefault("notes", [])
        nb.metadata[NOTES][VERDICTS] = {}  # written here only: nothing brought in under it stays
        verdicts = nb.metadata[NOTES][VERDICTS]
        solutions = {grade_id(cell): cell for cell in nb.cells if is_solution(cell)}
        for cell in nb.cells:
            if cell.cell_type == "code" and is_grade(cell):
                exercise = str(grade_id(cell)).removeprefix("test_")
                verdict = judge_cell(module, cell.source, cell, solutions.get(exercise))
                cell.outputs = [verdict.output()]
                notes += verdict.notes
                verdicts[exercise] = verdict.summary()
                self.log.info("%s: %s", grade_id(cell), "passed" if verdict.passed else "failed")
        return nb, resources
