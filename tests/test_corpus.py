"""Every corpus variant against the real hidden tests, policy and trusted verdicts, in one kernel per assignment.

Grading a whole notebook per variant with nbgrader takes minutes per assignment, so here each
source notebook runs once with the reference answers in a kernel that believes it is being graded
(it publishes results instead of judging them); then, for each variant, its code replaces the
exercise's solution, that exercise's test cell runs again, and the verdict is judged in this
process by the same code nbgrader's TrustedVerdicts runs. Exercises are graded independently (the
tests substitute reference versions of earlier exercises), so the outcome is the one nbgrader
gives; tests/test_grading_flow.py checks that on a sample through nbgrader itself.
"""

import importlib
import os
from pathlib import Path

import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

from course.build.cells import grade_id, is_solution, top_level_definitions
from course.build.contract import ASSIGNMENTS
from course.grading.intake import reserved_names
from course.grading.policy import violations
from course.grading.verdicts import judge_cell
from tests.corpus import variants
from tests.notebooks import read

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = {"ename": "CellTimeoutError", "evalue": "the cell ran out of time", "traceback": []}
GRADING = {**os.environ, "NBGRADER_EXECUTION": "autograde"}


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_every_variant_scores_and_explains(assignment):
    source = read(assignment.path(REPO / "source"))
    reserved = reserved_names(read(assignment.path(REPO / "release")))
    module = importlib.import_module(assignment.exercises_module)
    client = NotebookClient(source, kernel_name="python3", timeout=60, allow_errors=True, interrupt_on_timeout=True,
                            error_on_timeout=TIMEOUT,
                            resources={"metadata": {"path": str(assignment.path(REPO / "source").parent)}})
    problems = []
    with client.setup_kernel(env=GRADING):
        for index, cell in enumerate(source.cells):
            if cell.cell_type == "code":
                client.execute_cell(cell, index)
        cells = {grade_id(c): c for c in source.cells if grade_id(c)}
        for variant in variants(assignment.id):
            refused = violations(variant.code, reserved)
            if refused:
                failed, told = True, "\n".join(map(str, refused))
            else:  # forget the reference answer's names first, as a fresh kernel would not have them
                names = sorted(top_level_definitions(cells[variant.exercise].source))
                client.execute_cell(new_code_cell(f"for _name in {names!r}:\n    globals().pop(_name, None)"), 0)
                client.execute_cell(new_code_cell(variant.code), 0)
                test = cells[f"test_{variant.exercise}"]
                verdict = judge_cell(module, test.source, client.execute_cell(new_code_cell(test.source), 0))
                failed, told = not verdict.passed, "\n".join([verdict.message, *verdict.notes])
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
