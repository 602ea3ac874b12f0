"""release/ is what `make release` builds from source/, leak-free, with a stub in every solution cell."""

from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell

from course.build.cells import STUB, STUB_MARK, is_solution
from course.build.colab import badge, colab_url, student_repository
from course.build.contract import ASSIGNMENTS
from course.build.readme import END, START, notebook_table, update_readme
from course.build.stubs import ClearSolutionsThatRun
from course.build.verify import release_problems
from tests.notebooks import read

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_committed_release_is_byte_identical_to_a_fresh_build(scratch_course, assignment):
    committed = assignment.path(REPO / "release")
    assert committed.exists(), f"{committed} is missing: run `make release` and commit release/"
    assert committed.read_bytes() == assignment.path(scratch_course / "release").read_bytes(), (
        f"{committed} is stale: run `make release` and commit release/"
    )


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_release_is_leak_free_and_stubbed(assignment):
    source, release = (
        read(assignment.path(REPO / "source")),
        read(assignment.path(REPO / "release")),
    )
    assert release_problems(source, release) == []
    solutions = [cell for cell in release.cells if is_solution(cell)]
    assert solutions and all(STUB_MARK in cell.source for cell in solutions)
    # a stub raises only inside a function; at a cell's top level Run All would stop there
    for cell in solutions:
        stub = cell.source.partition(STUB_MARK)[2]
        assert (STUB in stub) == stub.startswith(("\n ", "\n\t")), cell.source


def test_a_top_level_solution_region_becomes_names_bound_to_none():
    code = "x = 1\n### BEGIN SOLUTION\na = (1, 2)\nb: int = 3\na = 4\n### END SOLUTION\nprint(a)\n"
    cell = new_code_cell(code, metadata={"nbgrader": {"solution": True, "grade_id": "g"}})
    ClearSolutionsThatRun().preprocess_cell(cell, {"language": "python"}, 0)
    assert cell.source == "x = 1\n# YOUR CODE HERE\na = None\nb = None\nprint(a)\n"
    indented = new_code_cell(
        "def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION\n",
        metadata={"nbgrader": {"solution": True, "grade_id": "f"}},
    )
    ClearSolutionsThatRun().preprocess_cell(indented, {"language": "python"}, 0)
    assert indented.source == "def f():\n    # YOUR CODE HERE\n    raise NotImplementedError()\n"


def test_release_holds_only_contract_assignments():
    released = {path.parent.name for path in (REPO / "release").glob("*/*.ipynb")}
    assert released == {a.id for a in ASSIGNMENTS}


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_release_opens_with_its_colab_badge(assignment):
    first = read(assignment.path(REPO / "release")).cells[0]
    url = colab_url(assignment.id, assignment.notebook)
    assert first.cell_type == "markdown" and first.source == badge(url)
    repo, branch = student_repository()
    assert (
        url
        == f"https://colab.research.google.com/github/{repo}/blob/{branch}/{assignment.id}/{assignment.notebook}"
    )


def test_readme_lists_every_notebook_with_its_badge():
    readme = (REPO / "README.md").read_text()
    assert notebook_table() in readme
    for assignment in ASSIGNMENTS:
        assert f"(release/{assignment.id}/{assignment.notebook})" in readme
        assert badge(colab_url(assignment.id, assignment.notebook)) in readme


def test_readme_table_is_rewritten_between_its_markers(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{START}\nstale\n{END}\noutro\n")
    assert update_readme(readme) is True
    assert readme.read_text() == f"intro\n{START}\n{notebook_table()}\n{END}\noutro\n"
    assert update_readme(readme) is False
    readme.write_text("no markers")
    with pytest.raises(ValueError):
        update_readme(readme)
