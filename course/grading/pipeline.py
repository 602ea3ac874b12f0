"""The protected grading path for one submission, as one function that needs no gradebook and no shared disk.

`grade_submission` does what nbgrader_config.py makes `nbgrader autograde` do, with the same steps
(`course.grading.path`): rebuild the submission from the release notebook (intake and policy), put the
hidden tests back (from the source notebook, where nbgrader takes them from its gradebook), run each
exercise in a sandboxed grading process of its own, and judge every hidden test in this process.
`make autograde` runs it on workers, local or on a Dask cluster, and records the results in the
gradebook itself (`course.grading.store`).
"""

import time
from dataclasses import dataclass, field

import nbformat
from nbformat import NotebookNode

from course.build.cells import grade_id, is_grade
from course.grading.intake import exercises_of, rebuild
from course.grading.notes import NOTES
from course.grading.path import TIMEOUTS
from course.grading.processes import GradeInProcesses
from course.grading.verdicts import TrustedVerdicts


@dataclass(frozen=True)
class Job:
    """One submission to grade: the notebooks it needs, as JSON text, and how to run it."""

    student: str
    assignment: str
    notebook: str
    submitted: str
    release: str
    source: str
    exercise_timeout: int = TIMEOUTS.exercise
    confined: bool = True


@dataclass
class Graded:
    """What grading one submission gave: the graded notebook (JSON text), notes, and seconds per step."""

    student: str
    assignment: str
    notebook: str
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def restore_hidden_tests(notebook: NotebookNode, source: NotebookNode) -> None:
    """Give every grade cell the source notebook's code, hidden tests included (what nbgrader's OverwriteCells does)."""
    trusted = {grade_id(cell): cell.source for cell in source.cells if is_grade(cell)}
    for cell in notebook.cells:
        if is_grade(cell) and grade_id(cell) in trusted:
            cell.source = trusted[grade_id(cell)]


def grade_submission(job: Job) -> tuple[str, Graded]:
    """Grade one submission through the protected path; return the graded notebook (JSON text) and what happened."""
    started = time.perf_counter()
    resources = {
        "nbgrader": {
            "assignment": job.assignment,
            "notebook": job.notebook.removesuffix(".ipynb"),
            "student": job.student,
        },
        "metadata": {"path": "."},
    }
    release = nbformat.reads(job.release, as_version=4)
    intake = rebuild(
        nbformat.reads(job.submitted, as_version=4), release, exercises_of(job.assignment)
    )
    notebook = intake.notebook
    restore_hidden_tests(notebook, nbformat.reads(job.source, as_version=4))
    ran = time.perf_counter()
    GradeInProcesses(
        timeout=job.exercise_timeout, submission_timeout=TIMEOUTS.submission, confined=job.confined
    ).preprocess(notebook, resources)
    judged = time.perf_counter()
    TrustedVerdicts().preprocess(notebook, resources)
    finished = time.perf_counter()
    seconds = {
        "intake": ran - started,
        "grading processes": judged - ran,
        "verdicts": finished - judged,
    }
    notes = list(notebook.metadata[NOTES]["notes"])
    return nbformat.writes(notebook), Graded(
        job.student, job.assignment, job.notebook, notes, seconds
    )
