"""Helpers for tests that build submissions and execute notebooks."""

import copy
import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode

from course.build.cells import SOLUTION_REGION, grade_id, is_solution


def reference_answers(source: NotebookNode) -> dict[str, str]:
    """The reference solution cells of a source notebook, by grade id, without nbgrader's markers."""
    return {grade_id(cell): SOLUTION_REGION.sub(r"\1", cell.source) for cell in source.cells if is_solution(cell)}


def submission(release: NotebookNode, answers: dict[str, str]) -> NotebookNode:
    """A copy of a student notebook with the solution cells in `answers` filled in."""
    filled = copy.deepcopy(release)
    for cell in filled.cells:
        if is_solution(cell) and grade_id(cell) in answers:
            cell.source = answers[grade_id(cell)]
    return filled


def execute(nb: NotebookNode, folder: Path, env: dict[str, str] | None = None) -> NotebookNode:
    """Run a notebook top to bottom in `folder` with a fresh kernel, keeping going after errors."""
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        client = NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                                resources={"metadata": {"path": str(folder)}})
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return nb


def errors(nb: NotebookNode) -> list[str]:
    """'cell id: error type: message' for every error output of an executed notebook."""
    return [
        f"{cell.get('id')}: {output.ename}: {output.evalue}"
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.output_type == "error"
    ]


def read(path: Path) -> NotebookNode:
    """Read a notebook as nbformat 4."""
    return nbformat.read(path, as_version=4)
