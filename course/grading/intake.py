"""Turn whatever a student handed in into a gradable notebook, and say what was done to it.

The graded notebook is always the pristine student version from release/ with the student's
solution cells copied in, matched by grade id or, where metadata was lost, by the graded name
the cell defines. Edited, deleted or duplicated locked cells and stripped metadata therefore
cannot change what is tested. A solution cell that breaks the grading policy is replaced by
nbgrader's stub, with the reason, so that only its own exercise scores 0; one the student left as
the stub is marked so, and is not run.

`RebuildFromRelease` does this inside nbgrader (nbgrader_config.py), for every way of grading;
`find_notebook` and `read_submission` are the file-level part that `make autograde` adds.
"""

import copy
import importlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

from course.build.cells import STUB, grade_id, is_solution, top_level_definitions
from course.build.contract import find_assignment
from course.grading.notes import NOTES, REFUSED, UNWRITTEN
from course.grading.policy import violations
from course.judging.exercise import ExerciseSet
from course.judging.forbidden import NOTHING


@dataclass
class Intake:
    """The notebook to grade, and one line for each thing the student should know about it."""

    notebook: NotebookNode
    notes: list[str] = field(default_factory=list)


def student_answers(
    submitted: NotebookNode, release: NotebookNode
) -> tuple[dict[str, str], list[str]]:
    """The student's solution code by grade id, and notes on cells that had to be found another way."""
    wanted = {str(grade_id(cell)): cell for cell in release.cells if is_solution(cell)}
    answers: dict[str, str] = {}
    notes: list[str] = []
    code_cells = [cell for cell in submitted.get("cells", []) if cell.get("cell_type") == "code"]
    for cell in code_cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid in wanted and gid not in answers:
            answers[gid] = cell.get("source", "")
        elif gid in wanted:
            notes.append(
                f"{gid}: the solution cell appears more than once; the first copy was graded"
            )
    for gid, cell in wanted.items():
        if gid in answers:
            continue
        names = top_level_definitions(cell.source)
        match = next(
            (
                c
                for c in code_cells
                if names and names <= top_level_definitions(c.get("source", ""))
            ),
            None,
        )
        if match is not None:
            answers[gid] = match.get("source", "")
            notes.append(
                f"{gid}: the solution cell had lost its grading metadata; found it by what it defines"
            )
        else:
            notes.append(f"{gid}: no solution cell found; this exercise scores 0")
    return answers, notes


def exercises_of(assignment: str) -> ExerciseSet:
    """The exercises of an assignment, as its exercises module describes them."""
    return importlib.import_module(find_assignment(assignment).exercises_module).EXERCISES


def rebuild(submitted: NotebookNode, release: NotebookNode, exercises: ExerciseSet) -> Intake:
    """The pristine `release` notebook with the student's allowed solution cells from `submitted`."""
    result = Intake(copy.deepcopy(release))
    answers, result.notes = student_answers(submitted, release)
    for cell in result.notebook.cells:
        if not is_solution(cell):
            continue
        answer = answers.get(str(grade_id(cell)), cell.source)
        if answer == cell.source:  # the stub, as released: nothing to run
            cell.metadata.setdefault(NOTES, {})[UNWRITTEN] = True
            continue
        exercise = exercises.exercises.get(str(grade_id(cell)))
        found = violations(answer, exercise.forbidden if exercise else NOTHING)
        if found:
            reasons = [str(violation) for violation in found[:3]]
            cell.source = (
                "# This solution was not run: it breaks the grading rules.\n"
                + "".join(f"# {reason}\n" for reason in reasons)
                + STUB
            )
            cell.metadata.setdefault(NOTES, {})[REFUSED] = reasons
            result.notes.append(
                f"{grade_id(cell)}: not run, so this exercise scores 0 ({'; '.join(reasons)})"
            )
        else:
            cell.source = answer
    result.notebook.metadata[NOTES] = {"notes": list(result.notes)}
    return result


class RebuildFromRelease(NbGraderPreprocessor):
    """nbgrader preprocessor: grade the release notebook with the student's allowed solution cells."""

    release_directory = Unicode(
        "", help="The folder of the student versions, release/ of the course."
    ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Rebuild one submitted notebook; its notes go into the notebook's metadata for the report."""
        info = resources["nbgrader"]
        release = nbformat.read(
            Path(self.release_directory) / info["assignment"] / f"{info['notebook']}.ipynb",
            as_version=4,
        )
        result = rebuild(nb, release, exercises_of(info["assignment"]))
        for note in result.notes:
            self.log.warning("%s: %s", info["student"], note)
        return result.notebook, resources


def read_submission(path: Path) -> tuple[NotebookNode | None, str | None]:
    """The submitted notebook upgraded to nbformat 4, or None and why it cannot be read."""
    if path.is_symlink():
        return None, f"{path.name} is a link, not a file"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return None, f"{path.name} is not a readable notebook ({type(error).__name__}: {error})"
    try:
        return nbformat.reads(json.dumps(raw), as_version=4), None
    except Exception as error:
        return (
            None,
            f"{path.name} is not a valid notebook ({type(error).__name__}: {str(error)[:200]})",
        )


def find_notebook(folder: Path, expected: str) -> tuple[Path | None, str | None]:
    """The notebook to grade in a submission folder, and a note if it was not under the expected name."""
    path = folder / expected
    if path.is_file():
        return path, None
    others = sorted(p for p in folder.glob("*.ipynb") if p.is_file())
    if len(others) == 1:
        return others[0], f"expected {expected}, graded {others[0].name} instead"
    if others:
        return (
            None,
            f"expected {expected}; found {', '.join(p.name for p in others)} and could not tell which to grade",
        )
    return None, None
