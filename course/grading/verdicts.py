"""Trusted verdicts: hidden tests are judged in the grader's own process, never in the student's kernel.

`TrustedVerdicts` is an nbgrader preprocessor that runs right after the notebook was executed
in the sandbox. For every grade cell it

1. reads the hidden cases from the cell's own source, which nbgrader restored from the
   gradebook (OverwriteCells), so the kernel never had a say in them;
2. takes the one results payload the kernel-side `hidden_tests` published in that cell:
   what the answer returned for each call, as data;
3. judges every case with the exercise's code from `course.exercises`, rebuilding the inputs
   and computing the expected values and known mistakes here;
4. replaces everything the cell printed with the verdict alone: one success line, or one
   error with the message the student should read. nbgrader then scores an error 0 and
   anything else full marks.

What the student's code patched, printed or forged in its kernel cannot turn a wrong output
into a pass: a forged payload only helps an answer that can produce right outputs, and forbidden
calls are recorded by the guard around every call. Every flag (forbidden calls, inputs changed in
place, missing or duplicated payloads) is also written to the notebook's metadata for the report.
"""

import importlib
from types import ModuleType
from typing import Any

from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor

from course.build.cells import HiddenTestsFormatError, grade_id, hidden_call, is_grade, is_solution
from course.build.contract import find_assignment
from course.checks import CheckFailed
from course.exercise import Record, cases_text
from course.grading.xla import compile_quickly
from course.payload import MIME_TYPE, MalformedPayload

NOTES = "course"  # metadata key: the notebook's {"notes": [...]} for the report; a solution cell's {"refused": [...]}
REFUSED = "refused"
KERNEL_STOPPED = "KernelStopped"
TIMED_OUT = "CellTimeoutError"
OUT_OF_TIME = "NotebookTimeout"
INTERRUPTED = "KeyboardInterrupt"  # a cell interrupted when it ran out of time


class Verdict:
    """The outcome of one grade cell: passed or not, what the student reads, and notes for the instructor."""

    def __init__(self, passed: bool, message: str, notes: list[str] | None = None) -> None:
        self.passed, self.message, self.notes = passed, message, notes or []

    def output(self) -> NotebookNode:
        """The cell output nbgrader scores: a stdout line for a pass, an error for a failure."""
        if self.passed:
            return new_output("stream", name="stdout", text=f"\N{CHECK MARK} {self.message}\n")
        first, *rest = self.message.splitlines()
        return new_output("error", ename="CheckFailed", evalue=self.message,
                          traceback=[f"\x1b[31m\x1b[1m\N{BALLOT X} {first}\x1b[0m", *rest])


def payloads(cell: NotebookNode) -> list[Any]:
    """The results payloads the kernel published in a cell."""
    return [output["data"][MIME_TYPE] for output in cell.get("outputs", [])
            if output.get("output_type") in ("display_data", "execute_result") and MIME_TYPE in output.get("data", {})]


def kernel_error(cell: NotebookNode) -> str | None:
    """The name of the error the cell itself ended with (a timeout, a stopped kernel), if any."""
    errors = [output.get("ename") for output in cell.get("outputs", []) if output.get("output_type") == "error"]
    return errors[-1] if errors else None


def judge_cell(module: ModuleType, source: str, cell: NotebookNode) -> Verdict:
    """The verdict on one executed grade cell whose trusted source is `source`."""
    try:
        call = hidden_call(source)
        exercise = module.EXERCISES[call.exercise]
    except (HiddenTestsFormatError, KeyError) as error:
        return Verdict(False, "This test cell could not be graded; the instructor has been told.",
                       [f"test cell not gradable: {error}"])
    found = payloads(cell)
    if not found:
        out_of_time = "they ran out of time (the answer may loop forever or be very slow)"
        reason = {TIMED_OUT: out_of_time, INTERRUPTED: out_of_time,
                  KERNEL_STOPPED: "the kernel stopped before they could run (crashed, killed, or out of memory)",
                  OUT_OF_TIME: "the notebook used up its total time before they could run"}.get(
                      kernel_error(cell), "no results came back from them")
        return Verdict(False, f"{call.exercise}: the hidden tests did not finish: {reason}.",
                       [f"{call.exercise}: no results ({kernel_error(cell) or 'no payload'})"])
    if len(found) > 1:
        return Verdict(False, f"{call.exercise}: more than one set of results came back, so none is trusted.",
                       [f"{call.exercise}: {len(found)} results payloads in one test cell (a forged payload?)"])
    return judge_payload(exercise, call.exercise, call.cases, found[0])


def judge_payload(exercise: Any, name: str, cases: list[dict[str, Any]], payload: Any) -> Verdict:
    """The verdict on the results `payload` for the hidden `cases` of `exercise`."""
    try:
        if not isinstance(payload, dict) or set(payload) != {"exercise", "records"} or payload["exercise"] != name:
            raise MalformedPayload("the payload is not for this exercise")
        if not isinstance(payload["records"], list) or len(payload["records"]) != len(cases):
            raise MalformedPayload("the payload does not hold one record per case")
        records = [Record.decode(data) for data in payload["records"]]
    except MalformedPayload as error:
        return Verdict(False, f"{name}: the results that came back are malformed, so none is trusted.",
                       [f"{name}: malformed results ({error})"])
    notes = [f"{name}: called {call}" for record in records for call in record.forbidden]
    notes += [f"{name}: {change}" for record in records for change in record.changed]
    notes = list(dict.fromkeys(notes))
    for case, record in zip(cases, records):
        try:
            exercise.judge(case, record)
        except CheckFailed as failure:
            return Verdict(False, str(failure), notes)
        except Exception as error:  # a value no check foresaw: the answer is not right
            return Verdict(False, f"{name}: an answer of an unexpected kind came back "
                                  f"({type(error).__name__}: {str(error)[:200]}).",
                           notes + [f"{name}: the grader could not judge a result: {type(error).__name__}: {error}"])
    return Verdict(True, f"{name} passes its hidden tests ({cases_text(len(cases))})", notes)


class TrustedVerdicts(NbGraderPreprocessor):
    """nbgrader preprocessor: replace each grade cell's outputs with the verdict judged here."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Judge every grade cell of an executed notebook."""
        compile_quickly()
        assignment = find_assignment(resources["nbgrader"]["assignment"])
        module = importlib.import_module(assignment.exercises_module)
        notes = nb.metadata.setdefault(NOTES, {}).setdefault("notes", [])
        refused = {grade_id(cell): cell.metadata[NOTES][REFUSED] for cell in nb.cells
                   if is_solution(cell) and REFUSED in cell.metadata.get(NOTES, {})}
        for cell in nb.cells:
            if cell.cell_type == "code" and is_grade(cell):
                exercise = str(grade_id(cell)).removeprefix("test_")
                verdict = (Verdict(False, f"{exercise} was not run: it breaks the grading rules "
                                          f"({'; '.join(refused[exercise])}).")
                           if exercise in refused else judge_cell(module, cell.source, cell))
                cell.outputs = [verdict.output()]
                notes += verdict.notes
                self.log.info("%s: %s", grade_id(cell), "passed" if verdict.passed else "failed")
        return nb, resources
