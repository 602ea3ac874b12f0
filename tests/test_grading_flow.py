"""The instructor's flow with real nbgrader: release -> submissions -> `make autograde` -> gradebook.

Reference answers get full marks, the blank release gets 0, and a submission with exactly one
exercise left undone loses exactly that exercise's points.
"""

import csv
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from course.build.contract import ASSIGNMENTS, Assignment
from course.grading.autograde import grade_all, nbgrader
from tests.notebooks import read, reference_answers, submission


def students_for(source) -> dict[str, dict[str, str]]:
    """Student id -> the answers they submit: all, none, or all but one exercise."""
    answers = reference_answers(source)
    students = {"reference": answers, "blank": {}}
    for left_out in answers:
        students[f"without-{left_out}"] = {gid: code for gid, code in answers.items() if gid != left_out}
    return students


@pytest.fixture(scope="session")
def graded(scratch_course: Path) -> Path:
    """The scratch course after every submission was autograded and grades exported."""
    for assignment in ASSIGNMENTS:
        source = read(assignment.path(scratch_course / "source"))
        release = read(assignment.path(scratch_course / "release"))
        for student, answers in students_for(source).items():
            path = scratch_course / "submitted" / student / assignment.id / assignment.notebook
            path.parent.mkdir(parents=True)
            nbformat.write(submission(release, answers), path)
    assert grade_all(scratch_course, force=False) == []
    assert nbgrader(scratch_course, "export", "--to", "grades.csv").returncode == 0
    return scratch_course


def cell_scores(root: Path, assignment: Assignment, student: str) -> dict[str, tuple[float, float]]:
    """grade cell id -> (score, max score) for one graded submission."""
    name = Path(assignment.notebook).stem
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        notebook = gradebook.find_submission_notebook(name, assignment.id, student)
        return {grade.name: (grade.score, grade.max_score) for grade in notebook.grades}


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_scores(graded, assignment):
    source = read(assignment.path(graded / "source"))
    for student in students_for(source):
        scores = cell_scores(graded, assignment, student)
        assert scores, f"{student}: no grades"
        for cell, (score, max_score) in scores.items():
            if student == "reference":
                expected = max_score
            elif student == "blank":
                expected = 0
            else:
                expected = 0 if cell == f"test_{student.removeprefix('without-')}" else max_score
            assert score == expected, f"{student} {assignment.id} {cell}: {score} of {max_score}, expected {expected}"


def test_grades_csv_lists_every_submission(graded):
    with open(graded / "grades.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = {(student, a.id) for a in ASSIGNMENTS for student in students_for(read(a.path(graded / "source")))}
    assert expected <= {(row["student_id"], row["assignment"]) for row in rows}
    reference = [row for row in rows if row["student_id"] == "reference"]
    assert len(reference) == len(ASSIGNMENTS)
    assert all(float(row["score"]) == float(row["max_score"]) > 0 for row in reference)
