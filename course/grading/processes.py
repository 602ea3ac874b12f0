"""nbgrader's execute step, as one fresh, sandboxed, locked-down process per exercise.

`GradeInProcesses` takes the place of nbgrader's `Execute` in every way of autograding
(`course.grading.path`). For each hidden-test cell, in notebook order, it builds a job for
`course.kernel.process` and runs it in a sandboxed grading process (`course.grading.sandbox`):

- the release notebook's setup cell, which is trusted;
- the exercise's forbidden operation, which the process destroys before any student code runs;
- the solution cells the exercise needs: its own, and the earlier ones defining names it uses (except
  those its hidden tests replace with references), so that a broken or malicious cell costs only the
  exercises that use it, and the release's cells that define names those use;
- the hidden-test cell, restored from the gradebook.

What came back goes into the notebook: the results payload as the grade cell's output (for
`course.grading.verdicts` to judge), what the grader was told about it (forbidden calls, refusals, how
the process ended) in the grade cell's metadata, and any error a solution cell raised as that cell's
output. An exercise whose solution cell is still the stub is not run: it is not written yet.
Other cells are not run: their output depends on the student's code, never the grade.
"""

import ast
import codecs
import importlib
import json
import time
from typing import Any

from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Integer

from course.build.cells import HiddenTestsFormatError, grade_id, hidden_call, is_grade, is_solution
from course.build.contract import find_assignment
from course.grading.notes import NOTES, RAN, SETUP, UNWRITTEN
from course.grading.sandbox import Finished, run_grading_process
from course.judging.payload import DONE_LINE, FORBIDDEN_LINE, MIME_TYPE, PAYLOAD_LINE, REFUSED_LINE


def names_used(source: str) -> set[str]:
    """Every name a cell's code reads, anywhere in it ('' if it does not parse)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }


def names_bound(source: str) -> set[str]:
    """The names a cell binds at top level: definitions, imports, assignments ('' if it does not parse)."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return set()
    names: set[str] = set()
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        else:
            names.update(
                child.id
                for child in ast.walk(node)
                if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store)
            )
    return names


def needed_cells(cells: list[tuple[str, str]], exercise: str, replaced: set[str]) -> set[str]:
    """The ids of the cells (id, source) that exercise's solution cell needs, itself included.

    A cell is needed if it binds a name a needed cell reads and the hidden tests do not replace.
    """
    needed, wanted, changed = {exercise}, names_used(dict(cells).get(exercise, "")) - replaced, True
    while changed:
        changed = False
        for cell_id, source in cells:
            if cell_id not in needed and names_bound(source) & wanted:
                needed.add(cell_id)
                wanted |= names_used(source) - replaced
                changed = True
    return needed


def replaced_names(test_source: str) -> set[str]:
    """The names a hidden-test cell's `substitutes={...}` replaces with references."""
    try:
        call = hidden_call(test_source)
    except HiddenTestsFormatError:
        return set()
    return set(call.substitutes)


def job_for(notebook: NotebookNode, index: int, exercise: Any) -> dict[str, Any]:
    """The grading process's job for the grade cell at `index`, whose exercise is `exercise`.

    Besides the solution cells the exercise needs, it runs the release's own cells that define names
    those use (01's `x`), before the lockdown: they are trusted, and no student code exists yet.
    """
    setup = next(cell.source for cell in notebook.cells if grade_id(cell) == SETUP)
    earlier = [
        (str(grade_id(cell)) if is_solution(cell) else f"cell {number}", cell)
        for number, cell in enumerate(notebook.cells[:index])
        if cell.cell_type == "code" and (is_solution(cell) or not grade_id(cell))
    ]
    test = notebook.cells[index].source
    needed = needed_cells(
        [(cell_id, cell.source) for cell_id, cell in earlier], exercise.name, replaced_names(test)
    )
    forbidden = exercise.forbidden
    return {
        "exercise": exercise.name,
        "setup": setup,
        "test": test,
        "context": [
            cell.source for cell_id, cell in earlier if cell_id in needed and not is_solution(cell)
        ],
        "cells": [
            (cell_id, cell.source)
            for cell_id, cell in earlier
            if cell_id in needed and is_solution(cell)
        ],
        "forbidden": {
            "name": forbidden.name,
            "aten": forbidden.aten,
            "primitives": list(forbidden.primitives),
            "python": list(forbidden.python),
            "source": list(forbidden.source),
        },
    }


def report(finished: Finished) -> tuple[list[Any], dict[str, Any]]:
    """The payloads a grading process published, and what else it said, from the lines it wrote."""
    payloads: list[Any] = []
    said: dict[str, Any] = {
        "forbidden": [],
        "refused": [],
        "done": None,
        "status": finished.status,
        "timed_out": finished.timed_out,
        "unreadable": 0,
    }
    for line in finished.lines:
        try:
            if line.startswith(PAYLOAD_LINE):
                payloads.append(json.loads(line[len(PAYLOAD_LINE) :]))
            elif line.startswith(FORBIDDEN_LINE):
                said["forbidden"].append(str(json.loads(line[len(FORBIDDEN_LINE) :]))[:200])
            elif line.startswith(REFUSED_LINE):
                said["refused"].append(
                    codecs.decode(line[len(REFUSED_LINE) :], "unicode_escape")[:300]
                )
            elif line.startswith(DONE_LINE) and said["done"] is None:
                said["done"] = json.loads(line[len(DONE_LINE) :])
            else:
                said["unreadable"] += 1
        except (ValueError, UnicodeDecodeError):
            said["unreadable"] += 1
    said["forbidden"] = list(dict.fromkeys(said["forbidden"]))
    said["refused"] = list(dict.fromkeys(said["refused"]))
    return payloads, said


def cell_errors(said: dict[str, Any]) -> dict[str, str]:
    """What the solution cells raised in a grading process, by grade id, as text."""
    done = said.get("done")
    cells = done.get("cells") if isinstance(done, dict) else None
    return (
        {str(gid): str(text)[:400] for gid, text in cells.items()}
        if isinstance(cells, dict)
        else {}
    )


class GradeInProcesses(NbGraderPreprocessor):
    """nbgrader preprocessor: run each exercise's hidden tests in a grading process of its own."""

    timeout = Integer(
        120, help="Seconds one exercise's grading process may run; then it is killed."
    ).tag(config=True)
    submission_timeout = Integer(
        1200,
        help="Seconds one notebook's grading processes may run in all; the "
        "exercises left after that are not run.",
    ).tag(config=True)
    confined = Bool(
        True,
        help="Run grading processes in the sandbox. Only for code you trust: False runs them "
        "unconfined.",
    ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Grade every exercise of one (rebuilt) notebook."""
        module = importlib.import_module(
            find_assignment(resources["nbgrader"]["assignment"]).exercises_module
        )
        deadline = time.monotonic() + self.submission_timeout
        solutions = {grade_id(cell): cell for cell in nb.cells if is_solution(cell)}
        for index, cell in enumerate(nb.cells):
            if not (cell.cell_type == "code" and is_grade(cell)):
                continue
            name = str(grade_id(cell)).removeprefix("test_")
            cell.outputs = []
            exercise = module.EXERCISES.exercises.get(name)
            solution = solutions.get(name)
            if (
                exercise is None
                or solution is None
                or solution.metadata.get(NOTES, {}).get(UNWRITTEN)
            ):
                continue  # the verdicts say why: not this notebook's exercise, or not written yet
            left = deadline - time.monotonic()
            if left <= 0:
                cell.metadata.setdefault(NOTES, {})[RAN] = {"out_of_time": True}
                continue
            started = time.monotonic()
            finished = run_grading_process(
                job_for(nb, index, exercise), min(self.timeout, left), self.confined
            )
            payloads, said = report(finished)
            said["seconds"] = round(time.monotonic() - started, 3)
            cell.outputs = [
                new_output("display_data", data={MIME_TYPE: payload}) for payload in payloads
            ]
            cell.metadata.setdefault(NOTES, {})[RAN] = said
            error = cell_errors(said).get(name)
            if error is not None:
                kind, _, message = error.partition(": ")
                solution.outputs = [
                    new_output("error", ename=kind, evalue=message, traceback=[error])
                ]
            self.log.info(
                "%s: graded in its own process (%s)",
                grade_id(cell),
                "timed out" if finished.timed_out else f"exit status {finished.status}",
            )
        return nb, resources
