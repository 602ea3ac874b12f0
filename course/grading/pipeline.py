"""The protected grading path for one submission, as one function that needs no gradebook and no shared disk.

`grade_submission` does what nbgrader_config.py makes `nbgrader autograde` do, with the same
classes: rebuild the submission from the release notebook (intake and policy), put the hidden tests
back (from the source notebook, where nbgrader takes them from its gradebook), run it in a sandboxed
kernel, and judge every hidden test in this process. `make autograde` runs it on workers, local or
on a Dask cluster, and records the results in the gradebook itself (`course.grading.store`).
"""

import time
from dataclasses import dataclass, field

import nbformat
from nbformat import NotebookNode
from nbgrader.utils import setenv
from traitlets.config import Config

from course.build.cells import cell_seconds, grade_id, is_grade
from course.grading.execute import SandboxedExecute
from course.grading.intake import rebuild
from course.grading.verdicts import NOTES, TrustedVerdicts


@dataclass(frozen=True)
class Job:
    """One submission to grade: the notebooks it needs, as JSON text, and how to run it."""

    student: str
    assignment: str
    notebook: str
    submitted: str
    release: str
    source: str
    cell_timeout: int = 120
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
    resources = {"nbgrader": {"assignment": job.assignment, "notebook": job.notebook.removesuffix(".ipynb"),
                              "student": job.student}, "metadata": {"path": "."}}
    release = nbformat.reads(job.release, as_version=4)
    intake = rebuild(nbformat.reads(job.submitted, as_version=4), release)
    notebook = intake.notebook
    restore_hidden_tests(notebook, nbformat.reads(job.source, as_version=4))
    config = Config()
    config.Execute.timeout = job.cell_timeout
    config.Execute.record_timing = True
    config.SandboxedKernelManager.confined = job.confined
    executed = time.perf_counter()
    with setenv(NBGRADER_EXECUTION="autograde"):  # as nbgrader's own autograde does: the kernel publishes results
        SandboxedExecute(config=config).preprocess(notebook, resources)
    judged = time.perf_counter()
    TrustedVerdicts().preprocess(notebook, resources)
    finished = time.perf_counter()
    cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    in_cells = sum(cell_seconds(cell) for cell in cells)
    seconds = {"intake": executed - started, "kernel start": max(judged - executed - in_cells, 0.0),
               "setup cell": cell_seconds(cells[0]) if cells else 0.0,
               "hidden tests": sum(cell_seconds(cell) for cell in cells if is_grade(cell)),
               "verdicts": finished - judged}
    seconds["other cells"] = in_cells - seconds["setup cell"] - seconds["hidden tests"]
    notes = list(notebook.metadata[NOTES]["notes"])
    return nbformat.writes(notebook), Graded(job.student, job.assignment, job.notebook, notes, seconds)
