"""Each published notebook, with the reference answers in it as the released solutions have them, runs top to
bottom where the `course` package does not exist, as on Colab, with the pinned versions, with the oldest
supported jax and flax (.venv-oldest, `make env-oldest`) and on Google Colab's runtime as published
(.venv-colab, `make env-colab`: Python 3.13 and Colab's versions). On Colab's runtime every correct answer of
the corpus then passes its visible check too, so that a student who passes there is not failed for a version
difference. The student notebook, as released, runs with Run All to its last cell: each check of an exercise
not written yet says so in one line, and every figure that does not need the student's code is drawn."""

import json
import sys
from pathlib import Path

import pytest
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell

from course.build.cells import grade_id, is_solution
from course.build.contract import ASSIGNMENTS, Assignment
from course.build.corpus import companion, variants
from course.build.publish import SOLUTIONS
from course.judging.checks import CHECK_MARK
from course.versions import COLAB, version_tuple
from tests.notebooks import errors, execute, read
from tests.test_build import blocked_course

REPO = Path(__file__).resolve().parent.parent
INLINE = "module://matplotlib_inline.backend_inline"  # figures drawn into the outputs, as students see them
PYTHONS = {
    "pins": Path(sys.executable),
    "oldest": REPO / ".venv-oldest" / "bin" / "python",
    "colab": REPO / ".venv-colab" / "bin" / "python",
}


def kernel_for(python: Path, folder: Path) -> dict[str, str]:
    """Environment variables under which the kernel "python3" runs `python`."""
    spec = folder / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python 3",
                "language": "python",
            }
        )
    )
    return {"JUPYTER_PATH": str(folder), "MPLBACKEND": INLINE}


@pytest.mark.parametrize("versions", PYTHONS)
@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_published_solution_notebook_runs_without_course(
    tmp_path, published, with_solutions, assignment, versions
):
    """The solution notebook is the student notebook with the reference answers in it."""
    python = PYTHONS[versions]
    assert python.exists(), f"{python} is missing: run `make env-{versions}`"
    solution = read(with_solutions / SOLUTIONS / assignment.id / assignment.notebook)
    if versions == "colab":
        checked = add_correct_answers(solution, assignment)
    folder = tmp_path / "empty"
    folder.mkdir()
    environment = {**blocked_course(tmp_path), **kernel_for(python, tmp_path / "jupyter")}
    filled = execute(solution, folder, environment)
    newer_flax = {
        str(cell.get("id")): cell.metadata.newer_flax
        for cell in filled.cells
        if cell.metadata.get("newer_flax")
    }
    assert [error for error in errors(filled) if error.partition(":")[0] not in newer_flax] == []
    assert list(folder.iterdir()) == [], "the notebook wrote files into its folder"
    setup = next(cell for cell in filled.cells if cell.get("id") == "setup")
    report = next(o["text"] for o in setup.outputs if o.get("name") == "stdout")
    assert "WARNING" not in report, report
    if versions == "colab":
        for cell in filled.cells[-checked:]:
            shown = "".join(o.get("text", "") + o.get("evalue", "") for o in cell.outputs)
            if cell.metadata.get("newer_flax"):  # fails on Colab's older Flax, and says why
                assert f"came with Flax {cell.metadata.newer_flax}" in shown, shown
            elif cell.metadata.get("variant"):
                assert f"\n{CHECK_MARK}" in f"\n{shown}", f"{cell.metadata.variant}: {shown}"
    if versions == "pins":
        student = execute(
            read(published / assignment.id / assignment.notebook), folder, environment
        )
        assert_runs_all_through(student, filled)


def add_correct_answers(notebook: NotebookNode, assignment: Assignment) -> int:
    """Append, for every variant correct on Colab's Python, its code and its exercise's check (the cell marked
    with the variant, and with the Flax it needs where Colab's is older), then the reference answers again;
    how many cells that added."""
    references = {grade_id(cell): cell.source for cell in notebook.cells if is_solution(cell)}
    added = []
    for variant in variants(assignment.id):
        if variant.kind != "correct" and not variant.python:
            continue
        own = [companion(variant)] if variant.companion else []
        own.append((variant.exercise, variant.code))
        check = new_code_cell(f"check_{variant.exercise}()")
        check.metadata["variant"] = f"{variant.exercise}__{variant.name}"
        if variant.flax and version_tuple(variant.flax) > version_tuple(COLAB["flax"]):
            check.metadata["newer_flax"] = variant.flax
        added += [new_code_cell(code) for _, code in own] + [check]
        added += [new_code_cell(references[exercise]) for exercise, _ in own]
    notebook.cells += added
    return len(added)


def figures(cell) -> int:
    """How many images a cell's outputs hold."""
    return sum("image/png" in output.get("data", {}) for output in cell.get("outputs", []))


def assert_runs_all_through(student, solution) -> None:
    """Run All went through every cell of the student notebook: no error, one waiting line per check, the figures."""
    assert errors(student) == []
    code = [cell for cell in student.cells if cell.cell_type == "code"]
    assert all(cell.get("execution_count") for cell in code), "a cell did not run"
    for cell in code:
        name = str(grade_id(cell) or "")
        if name.startswith("check_"):
            [output] = cell.outputs
            assert output.text.startswith(
                f"\N{HOURGLASS} {name.removeprefix('check_')} is not written yet"
            )
            assert output.text.count("\n") == 1, output.text
    # a figure that needs no answer is drawn in the student notebook as in the solution notebook
    drawn = {cell.get("id"): figures(cell) for cell in solution.cells}
    for cell in code:
        if not is_solution(cell) and "needs(" not in cell.source and drawn.get(cell.get("id")):
            assert figures(cell) == drawn[cell.get("id")], f"cell {cell.get('id')} drew no figure"
    assert sum(map(figures, code)) > 0
