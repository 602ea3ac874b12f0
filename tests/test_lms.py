"""Grades into the LMS: real `nbgrader export` with the course's plugins, on a real gradebook.

Each file is checked against what its LMS's import takes: Canvas's five identity columns and its
"Points Possible" row, Moodle's user-identifier columns, numbers or blanks in every grade cell, a
blank (never a 0) where nothing was submitted.
"""

import csv
import os
import shutil
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from course.nbgrader_cli import BIN, nbgrader

REPO = Path(__file__).resolve().parent.parent
CANVAS = "course.grading.lms.CanvasExport"
MOODLE = "course.grading.lms.MoodleExport"
ROSTER = """student,lms_id,name,sis_id,login,section,email
ada,101,"Lovelace, Ada",S-1,ada.l,Mon,ada@example.org
bob,102,"Babbage, Bob",S-2,bob.b,Tue,bob@example.org
cy,103,"Cyr, Cy",S-3,cy.c,Tue,cy@example.org
"""


def grade(gradebook: Gradebook, assignment: str, student: str, scores: dict[str, float]) -> None:
    """Record a submission of `assignment` by `student` with these scores per grade cell."""
    gradebook.add_submission(assignment, student)
    for cell, score in scores.items():
        gradebook.find_grade(cell, "nb", assignment, student).auto_score = score
    gradebook.db.commit()


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A course folder whose gradebook holds two assignments, four students, one late submission."""
    monkeypatch.setenv(
        "PATH", f"{BIN}{os.pathsep}{os.environ['PATH']}"
    )  # the gradebook runs alembic
    shutil.copy(REPO / "nbgrader_config.py", tmp_path)
    (tmp_path / "roster.csv").write_text(ROSTER)
    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gradebook:
        for assignment, cells in (("01_strides", {"a": 4, "b": 6}), ("02_conv1d", {"c": 9})):
            gradebook.add_assignment(assignment)
            gradebook.add_notebook("nb", assignment)
            for cell, most in cells.items():
                gradebook.add_grade_cell(cell, "nb", assignment, max_score=most, cell_type="code")
        for student in ("ada", "bob", "cy", "dropped"):
            gradebook.add_student(student)
        grade(gradebook, "01_strides", "ada", {"a": 4, "b": 6})
        grade(gradebook, "02_conv1d", "ada", {"c": 4.5})
        grade(gradebook, "01_strides", "bob", {"a": 0, "b": 0})  # submitted, scored nothing
        grade(gradebook, "01_strides", "cy", {"a": 3, "b": 2})
        gradebook.find_submission_notebook("nb", "02_conv1d", "ada").late_submission_penalty = 1.0
        grade(gradebook, "02_conv1d", "dropped", {"c": 9})
        gradebook.db.commit()
    return tmp_path


def export(course: Path, exporter: str, *options: str) -> tuple[list[list[str]], str]:
    """Run nbgrader export with `exporter`; the rows it wrote and what it logged."""
    result = nbgrader(course, "export", f"--exporter={exporter}", "--to=out.csv", *options)
    assert result.returncode == 0, result.stdout + result.stderr
    with open(course / "out.csv", newline="") as handle:
        return list(csv.reader(handle)), result.stdout + result.stderr


def grade_cells_are_numbers_or_blank(rows: list[list[str]], first_grade_column: int) -> bool:
    """What both LMSs accept in a grade cell: a plain number, or nothing."""
    cells = [cell for row in rows for cell in row[first_grade_column:]]
    return all(cell == "" or cell.replace(".", "", 1).isdigit() for cell in cells)


def test_canvas_file_has_canvas_columns_points_possible_and_blanks(course):
    rows, log = export(course, CANVAS)
    header, possible, *students = rows
    assert header == [
        "Student",
        "ID",
        "SIS User ID",
        "SIS Login ID",
        "Section",
        "01_strides",
        "02_conv1d",
    ]
    assert possible == ["Points Possible", "", "", "", "", "10", "9"]
    assert students == [
        ["Lovelace, Ada", "101", "S-1", "ada.l", "Mon", "10", "3.5"],  # 4.5 less the late penalty
        [
            "Babbage, Bob",
            "102",
            "S-2",
            "bob.b",
            "Tue",
            "0",
            "",
        ],  # a 0 scored, then nothing submitted
        ["Cyr, Cy", "103", "S-3", "cy.c", "Tue", "5", ""],
    ]
    assert grade_cells_are_numbers_or_blank(students, 5)
    assert "dropped" in log  # graded but not in the roster: said, not exported


def test_canvas_columns_name_the_canvas_assignment_they_update(course):
    rows, _ = export(course, CANVAS, "--CanvasExport.canvas_ids={'01_strides': '4471'}")
    assert rows[0][5:] == ["01_strides (4471)", "02_conv1d"]


def test_moodle_file_maps_users_by_username_id_number_or_email(course):
    rows, _ = export(course, MOODLE, "--assignment=01_strides")
    header, *students = rows
    assert header == ["Username", "ID number", "Email address", "Full name", "01_strides"]
    assert students[0] == ["ada.l", "S-1", "ada@example.org", "Lovelace, Ada", "10"]
    assert [row[4] for row in students] == ["10", "0", "5"]
    assert grade_cells_are_numbers_or_blank(students, 4)


@pytest.mark.parametrize(
    ("roster", "said"),
    [
        ("id,name\nada,Ada\n", "needs a 'student' column"),
        ("student,lms_id\nada,1\nada,2\n", "'ada' is listed twice"),
        ("student,grade\nada,A\n", "unknown columns ['grade']"),
    ],
)
def test_a_bad_roster_is_refused_with_what_is_wrong(course, roster, said):
    (course / "roster.csv").write_text(roster)
    result = nbgrader(course, "export", f"--exporter={CANVAS}", "--to=out.csv")
    assert result.returncode != 0 and said in result.stdout + result.stderr
    assert not (course / "out.csv").exists()
