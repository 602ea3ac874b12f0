"""Grades into the LMS: nbgrader export plugins that write Canvas's and Moodle's grade import CSVs.

`nbgrader export --exporter course.grading.lms.CanvasExport --to canvas.csv` (or `MoodleExport`, or
`make lms-grades`) writes one row per student of the roster and one column per assignment, the score
after nbgrader's late penalty. A student who submitted nothing gets a blank cell, which both LMSs
leave as it was, never a 0 that would overwrite a grade entered by hand.

The roster (`roster.csv` in the course folder, or `--CanvasExport.roster=...`) maps nbgrader's
student ids to the LMS's: a column `student` (nbgrader's id), and as the LMS knows the student
`lms_id` (Canvas's user ID), `name`, `sis_id` (Canvas's SIS User ID, Moodle's ID number), `login`
(Canvas's SIS Login ID, Moodle's username), `section` and `email`; unused columns may be left out.
"""

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import ExportPlugin
from traitlets import Dict, Unicode

ROSTER_COLUMNS = ("student", "lms_id", "name", "sis_id", "login", "section", "email")


class RosterError(ValueError):
    """The roster file cannot be read as a roster."""


@dataclass(frozen=True)
class Enrolment:
    """One student as the LMS knows them."""

    student: str
    lms_id: str = ""
    name: str = ""
    sis_id: str = ""
    login: str = ""
    section: str = ""
    email: str = ""


def read_roster(path: Path) -> list[Enrolment]:
    """The students of a roster CSV, in its order; raise RosterError saying what is wrong with it."""
    if not path.exists():
        raise RosterError(f"{path}: no roster (a CSV with a 'student' column and the LMS's ids)")
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    columns = set(rows[0]) if rows else set()
    if "student" not in columns:
        raise RosterError(f"{path}: the roster needs a 'student' column (nbgrader's student id)")
    unknown = sorted(columns - set(ROSTER_COLUMNS))
    if unknown:
        raise RosterError(f"{path}: unknown columns {unknown}; a roster has {list(ROSTER_COLUMNS)}")
    enrolments, seen = [], set()
    for line, row in enumerate(rows, start=2):
        student = (row.get("student") or "").strip()
        if not student:
            raise RosterError(f"{path}, line {line}: no student id")
        if student in seen:
            raise RosterError(f"{path}, line {line}: student {student!r} is listed twice")
        seen.add(student)
        enrolments.append(Enrolment(**{k: (v or "").strip() for k, v in row.items() if k}))
    return enrolments


Scores = dict[tuple[str, str], float | None]


def final_scores(gradebook: Gradebook, assignments: list[str], students: list[str]) -> Scores:
    """(student, assignment) -> the score after the late penalty, or None where nothing was submitted."""
    scores: Scores = {}
    for assignment in assignments:
        for student in students:
            try:
                submission = gradebook.find_submission(assignment, student)
            except MissingEntry:
                scores[student, assignment] = None
                continue
            penalty = submission.late_submission_penalty or 0.0
            scores[student, assignment] = max(0.0, submission.score - penalty)
    return scores


def points(value: float | None) -> str:
    """A score as an LMS reads it: blank for no submission, no trailing zeros."""
    return "" if value is None else f"{value:g}"


class LmsExport(ExportPlugin):
    """What both LMS exports share: the roster, the assignments, the scores."""

    roster = Unicode("roster.csv", help="The roster CSV mapping nbgrader ids to the LMS's.").tag(
        config=True
    )
    default_file = ""

    def export(self, gradebook: Gradebook) -> None:
        """Write this LMS's import file for the chosen assignments and the roster's students."""
        enrolled = read_roster(Path(self.roster))
        missing = sorted({s.id for s in gradebook.students} - {e.student for e in enrolled})
        if missing:
            self.log.warning("Not in the roster, so not exported: %s", ", ".join(missing))
        wanted = {str(name) for name in self.student}
        enrolments = [e for e in enrolled if not wanted or e.student in wanted]
        chosen = {str(name) for name in self.assignment}
        assignments = [a for a in gradebook.assignments if not chosen or a.name in chosen]
        students = [e.student for e in enrolments]
        scores = final_scores(gradebook, [a.name for a in assignments], students)
        dest = Path(self.to or self.default_file)
        with open(dest, "w", newline="", encoding="utf-8") as handle:
            self.write(csv.writer(handle), enrolments, assignments, scores)
        self.log.info(
            "Wrote %s: %d students, %d assignments", dest, len(enrolments), len(assignments)
        )

    def write(
        self, out: Any, enrolments: list[Enrolment], assignments: list[Any], scores: Scores
    ) -> None:
        """Write the file's rows with the csv writer `out`."""
        raise NotImplementedError


class CanvasExport(LmsExport):
    """Canvas's gradebook import CSV: Student, ID, SIS User ID, SIS Login ID, Section, then a column per assignment.

    The second row is Canvas's "Points Possible" row. A column is named after its assignment, or
    "name (id)" where `canvas_ids` gives the Canvas assignment's id, which Canvas then updates.
    """

    default_file = "canvas_grades.csv"
    canvas_ids = Dict(
        {}, help="nbgrader assignment name -> the id of the Canvas assignment it updates"
    ).tag(config=True)

    def write(
        self, out: Any, enrolments: list[Enrolment], assignments: list[Any], scores: Scores
    ) -> None:
        """Write the header, the points possible, and a row per student."""
        titles = [
            f"{a.name} ({self.canvas_ids[a.name]})" if a.name in self.canvas_ids else a.name
            for a in assignments
        ]
        out.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *titles])
        out.writerow(
            ["Points Possible", "", "", "", "", *(points(a.max_score) for a in assignments)]
        )
        for e in enrolments:
            row = [e.name, e.lms_id, e.sis_id, e.login, e.section]
            out.writerow(row + [points(scores[e.student, a.name]) for a in assignments])


class MoodleExport(LmsExport):
    """Moodle's grade import CSV: the columns Moodle maps users by, then a column per assignment.

    On Moodle's "Import grades from CSV" page, map "Username", "ID number" or "Email address" to the
    user, and each assignment's column to its grade item.
    """

    default_file = "moodle_grades.csv"

    def write(
        self, out: Any, enrolments: list[Enrolment], assignments: list[Any], scores: Scores
    ) -> None:
        """Write the header and a row per student."""
        header = ["Username", "ID number", "Email address", "Full name"]
        out.writerow(header + [a.name for a in assignments])
        for e in enrolments:
            row = [e.login, e.sis_id, e.email, e.name]
            out.writerow(row + [points(scores[e.student, a.name]) for a in assignments])
