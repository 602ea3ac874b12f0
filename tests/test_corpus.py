"""Every corpus variant against the real hidden tests and grading policy, in one kernel per assignment.

Grading a whole notebook per variant with nbgrader takes minutes per assignment, so here each
source notebook runs once with the reference answers; then, for each variant, its code replaces
the exercise's solution and that exercise's test cell runs again. Exercises are graded
independently (the tests substitute reference versions of earlier exercises), so the outcome is
the one nbgrader gives; tests/test_grading_flow.py checks that on a sample through nbgrader itself.
"""

from pathlib import Path

import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

from course.build.cells import grade_id, is_solution
from course.build.contract import ASSIGNMENTS
from course.grading.intake import reserved_names
from course.grading.policy import violations
from tests.corpus import variants
from tests.notebooks import read

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = {"ename": "CellTimeoutError", "evalue": "the cell ran out of time", "traceback": []}


def outcome(cell) -> tuple[bool, str]:
    """(whether the executed cell failed, what it told the student)."""
    errors = [f"{o.get('ename', '')}: {o.get('evalue', '')}" for o in cell.outputs if o.output_type == "error"]
    return bool(errors), "\n".join(errors)


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_every_variant_scores_and_explains(assignment):
    source = read(assignment.path(REPO / "source"))
    reserved = reserved_names(read(assignment.path(REPO / "release")))
    client = NotebookClient(source, kernel_name="python3", timeout=60, allow_errors=True, interrupt_on_timeout=True,
                            error_on_timeout=TIMEOUT,
                            resources={"metadata": {"path": str(assignment.path(REPO / "source").parent)}})
    problems = []
    with client.setup_kernel():
        for index, cell in enumerate(source.cells):
            if cell.cell_type == "code":
                client.execute_cell(cell, index)
        cells = {grade_id(c): c for c in source.cells if grade_id(c)}
        for variant in variants(assignment.id):
            refused = violations(variant.code, reserved)
            if refused:
                failed, told = True, "\n".join(map(str, refused))
            else:
                client.execute_cell(new_code_cell(variant.code), 0)
                test = new_code_cell(cells[f"test_{variant.exercise}"].source)
                failed, told = outcome(client.execute_cell(test, 0))
                client.execute_cell(new_code_cell(cells[variant.exercise].source), 0)
            label = f"{variant.exercise}__{variant.name} ({variant.kind})"
            if variant.kind == "correct" and failed:
                problems.append(f"{label}: a correct variant failed: {told[:300]}")
            elif variant.kind != "correct" and not failed:
                problems.append(f"{label}: scored full marks")
            elif variant.kind != "correct" and variant.feedback not in told:
                problems.append(f"{label}: feedback lacks {variant.feedback!r}: {told[:300]}")
    assert problems == [], "\n".join(problems)


def test_every_exercise_has_a_corpus():
    for assignment in ASSIGNMENTS:
        source = read(assignment.path(REPO / "source"))
        kinds = {(v.exercise, v.kind) for v in variants(assignment.id)}
        for cell in source.cells:
            if is_solution(cell):
                for kind in ("correct", "wrong"):
                    assert (grade_id(cell), kind) in kinds, f"{assignment.id} {grade_id(cell)}: no {kind} variant"
