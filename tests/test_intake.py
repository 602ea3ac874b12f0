"""Intake: whatever a student hands in becomes the release notebook with their solution cells in it."""

import json
from pathlib import Path

import nbformat
import pytest

from course.build.cells import STUB, grade_id, is_grade, is_solution, reference_answers, submission
from course.build.contract import ASSIGNMENTS
from course.grading.intake import exercises_of, find_notebook, read_submission, rebuild
from course.grading.notes import NOTES, REFUSED, UNWRITTEN
from tests.notebooks import read

REPO = Path(__file__).resolve().parent.parent
STRIDES = ASSIGNMENTS[0]


@pytest.fixture(scope="module")
def release():
    return read(STRIDES.path(REPO / "release"))


@pytest.fixture(scope="module")
def answers():
    return reference_answers(read(STRIDES.path(REPO / "source")))


def solutions(nb):
    return {grade_id(cell): cell.source for cell in nb.cells if is_solution(cell)}


def write(tmp_path, nb_or_text, name=STRIDES.notebook):
    path = tmp_path / name
    path.write_text(nb_or_text if isinstance(nb_or_text, str) else nbformat.writes(nb_or_text))
    return path


def intake(path, release):
    """What grading makes of the file at `path`: read it as `make autograde` does, then rebuild it."""
    submitted, problem = read_submission(path)
    assert submitted is not None, problem
    return rebuild(submitted, release, exercises_of(STRIDES.id))


def assert_pristine_except_solutions(result, release):
    """Every cell but the solution cells is exactly the release's."""
    assert len(result.cells) == len(release.cells)
    for got, original in zip(result.cells, release.cells):
        if not is_solution(original):
            assert got == original


def test_a_clean_submission_keeps_its_answers(tmp_path, release, answers):
    result = intake(write(tmp_path, submission(release, answers)), release)
    assert result.notes == []
    assert solutions(result.notebook) == answers
    assert_pristine_except_solutions(result.notebook, release)


def test_edited_and_deleted_locked_cells_are_restored(tmp_path, release, answers):
    tampered = submission(release, answers)
    tampered.cells = [cell for cell in tampered.cells if not is_grade(cell)]
    for cell in tampered.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("locked") and not is_solution(cell):
            cell.source = "pass  # checks removed"
    result = intake(write(tmp_path, tampered), release)
    assert solutions(result.notebook) == answers
    assert_pristine_except_solutions(result.notebook, release)


def test_stripped_metadata_is_found_by_definitions(tmp_path, release, answers):
    stripped = submission(release, answers)
    for cell in stripped.cells:
        cell.metadata = {}
    result = intake(write(tmp_path, stripped), release)
    assert solutions(result.notebook)["as_strided_mv"] == answers["as_strided_mv"]
    assert any("lost its grading metadata" in note for note in result.notes)


def test_duplicated_solution_cells_grade_the_first(tmp_path, release, answers):
    doubled = submission(release, answers)
    copy = next(cell for cell in doubled.cells if grade_id(cell) == "as_strided_trace")
    doubled.cells.append(
        nbformat.from_dict(
            {**copy, "id": "dup", "source": "def as_strided_trace(mat):\n    return 0"}
        )
    )
    result = intake(write(tmp_path, doubled), release)
    assert solutions(result.notebook)["as_strided_trace"] == answers["as_strided_trace"]
    assert any("more than once" in note for note in result.notes)


@pytest.mark.parametrize(
    "content, note",
    [
        ("{not json", "not a readable notebook"),
        (json.dumps({"cells": "nonsense"}), "not a valid notebook"),
        ("", "not a readable notebook"),
    ],
)
def test_unreadable_files_are_named_with_a_reason(tmp_path, content, note):
    notebook, problem = read_submission(write(tmp_path, content))
    assert notebook is None and note in problem


def test_a_link_is_not_followed(tmp_path, release, answers):
    target = write(tmp_path, submission(release, answers), "someone_else.ipynb")
    (tmp_path / "link").mkdir()
    (tmp_path / "link" / STRIDES.notebook).symlink_to(target)
    notebook, problem = read_submission(tmp_path / "link" / STRIDES.notebook)
    assert notebook is None and "is a link" in problem


def test_an_empty_notebook_reports_every_missing_exercise(tmp_path, release):
    result = intake(write(tmp_path, nbformat.v4.new_notebook()), release)
    missing = [note for note in result.notes if "no solution cell found" in note]
    assert len(missing) == len(solutions(release))


def test_an_old_nbformat_is_upgraded(tmp_path, release, answers):
    old = nbformat.convert(submission(release, answers), 3)
    result = intake(write(tmp_path, nbformat.writes(old, version=3)), release)
    assert solutions(result.notebook) == answers


def test_a_solution_that_breaks_the_rules_is_not_run(tmp_path, release, answers):
    cheat = dict(
        answers, as_strided_mv="import os\n" + answers["as_strided_mv"].replace("* vec", "@ vec")
    )
    result = intake(write(tmp_path, submission(release, cheat)), release)
    graded = solutions(result.notebook)
    assert STUB in graded["as_strided_mv"] and "import os" not in graded["as_strided_mv"]
    assert graded["as_strided_mm"] == answers["as_strided_mm"]
    assert any(
        note.startswith("as_strided_mv: not run") and "imports 'os'" in note
        for note in result.notes
    )
    cell = next(cell for cell in result.notebook.cells if grade_id(cell) == "as_strided_mv")
    assert "imports 'os'" in cell.metadata[NOTES][REFUSED][0]


def test_the_policy_refuses_the_spellings_of_the_exercises_own_forbidden_operation(
    tmp_path, release, answers
):
    matmul = "def as_strided_mv(mat, vec):\n    return mat @ vec\n"
    result = intake(
        write(
            tmp_path,
            submission(
                release,
                dict(
                    answers,
                    as_strided_mv=matmul,
                    as_strided_trace=(
                        "def as_strided_trace(mat):\n    return (mat @ mat)[0, 0] * 0 + mat.sum()\n"
                    ),
                ),
            ),
        ),
        release,
    )
    refused = {
        grade_id(cell): cell.metadata.get(NOTES, {}).get(REFUSED)
        for cell in result.notebook.cells
        if is_solution(cell)
    }
    assert "@ operator" in refused["as_strided_mv"][0] and refused["as_strided_trace"] is None


def test_a_stub_left_as_released_is_marked_unwritten_and_not_run(tmp_path, release, answers):
    result = intake(
        write(
            tmp_path,
            submission(release, {k: v for k, v in answers.items() if k != "as_strided_mm"}),
        ),
        release,
    )
    unwritten = [
        grade_id(cell)
        for cell in result.notebook.cells
        if cell.metadata.get(NOTES, {}).get(UNWRITTEN)
    ]
    assert unwritten == ["as_strided_mm"]


def test_wrong_names(tmp_path):
    assert find_notebook(tmp_path, STRIDES.notebook) == (None, None)
    write(tmp_path, "{}", "Strides (1).ipynb")
    path, note = find_notebook(tmp_path, STRIDES.notebook)
    assert path.name == "Strides (1).ipynb" and "graded Strides (1).ipynb instead" in note
    write(tmp_path, "{}", "other.ipynb")
    path, note = find_notebook(tmp_path, STRIDES.notebook)
    assert path is None and "could not tell which" in note
