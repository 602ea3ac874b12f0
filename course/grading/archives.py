"""Feedback for an LMS's bulk upload: one zip per assignment, one HTML file per student, named by LMS id.

Each file is nbgrader's feedback HTML (`make feedback`) with a short summary above it: the score of
each exercise and, for each one that lost points, what its hidden tests reported in a line: what
came back against what was expected, and the likely mistake where one is recognised.
Students are named by the roster's `lms_id` (`course.grading.lms`), or by their nbgrader id where the
course has no roster or the roster does not list them.
"""

import html
import json
import sys
import zipfile
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from course.grading.lms import RosterError, read_roster
from course.nbgrader_cli import gradebook_url

ARCHIVES = "lms"  # below feedback/
LIKELY = "Likely mistake"  # how a check's message names the mistake it recognised (course.judging.checks)


def reported(graded: Path) -> dict[str, str]:
    """grade id -> what its cell reported ("" if it passed): the error's first line and its likely mistake."""
    try:
        cells = json.loads(graded.read_text()).get("cells", [])
    except (OSError, ValueError):
        return {}
    found = {}
    for cell in cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade"):
            errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            lines = str(errors[0].get("evalue", "")).strip().splitlines() if errors else []
            said = lines[:1] + [line for line in lines[1:] if line.startswith(LIKELY)][:1]
            found[meta.get("grade_id", "")] = " ".join(said)[:400]
    return found


def summary(rows: list[tuple[str, float, float, str]]) -> str:
    """An HTML table: exercise, score out of its points, and the one-line reason it lost points."""
    total, most = sum(r[1] for r in rows), sum(r[2] for r in rows)
    lines = [
        f"<tr><td>{html.escape(name.removeprefix('test_'))}</td><td>{score:g} / {points:g}</td>"
        f"<td>{html.escape(why)}</td></tr>"
        for name, score, points, why in rows
    ]
    return (
        '<section style="font-family: sans-serif; margin: 1em">'
        f"<h2>Score: {total:g} / {most:g}</h2><table>"
        "<tr><th>exercise</th><th>score</th><th>what the tests reported</th></tr>"
        + "".join(lines)
        + "</table></section>"
    )


def with_summary(page: str, table: str) -> str:
    """nbgrader's feedback page with the summary first in its body."""
    head, body, rest = page.partition("<body")
    if not body:
        return table + page
    opening, _, content = rest.partition(">")
    return f"{head}{body}{opening}>{table}{content}"


def lms_names(root: Path) -> dict[str, str]:
    """nbgrader id -> the LMS id to name a student's file by (empty without a roster).

    A roster that cannot be read is said, and the files are named by nbgrader id."""
    roster = root / "roster.csv"
    if not roster.exists():
        return {}
    try:
        return {e.student: e.lms_id for e in read_roster(roster) if e.lms_id}
    except RosterError as error:
        print(f"feedback archives are named by nbgrader id: {error}", file=sys.stderr)
        return {}


def student_page(gradebook: Gradebook, root: Path, page: Path) -> str | None:
    """One student's feedback page with its summary on top (None if the gradebook has no such submission)."""
    student, assignment, notebook = page.parent.parent.name, page.parent.name, page.stem
    reasons = reported(root / "autograded" / student / assignment / f"{notebook}.ipynb")
    try:
        submitted = gradebook.find_submission_notebook(notebook, assignment, student)
    except MissingEntry:  # feedback left from a submission the gradebook no longer has
        return None
    order = {name: number for number, name in enumerate(reasons)}
    rows = []
    for grade in sorted(submitted.grades, key=lambda g: order.get(g.name, len(order))):
        score = grade.score or 0.0
        lost = reasons.get(grade.name, "") if score < grade.max_score else ""
        rows.append((grade.name, score, grade.max_score, lost))
    return with_summary(page.read_text(), summary(rows))


def write_archives(root: Path) -> list[Path]:
    """Write feedback/lms/<assignment>.zip for every assignment with feedback; return the archives."""
    names, written = lms_names(root), []
    assignments = sorted({p.parent.name for p in (root / "feedback").glob("*/*/*.html")})
    with Gradebook(gradebook_url(root)) as gradebook:
        for assignment in assignments:
            archive = root / "feedback" / ARCHIVES / f"{assignment}.zip"
            archive.parent.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
                for page in sorted((root / "feedback").glob(f"*/{assignment}/*.html")):
                    content = student_page(gradebook, root, page)
                    if content is not None:
                        name = names.get(page.parent.parent.name, page.parent.parent.name)
                        out.writestr(f"{name}_{page.stem}.html", content)
            written.append(archive)
    return written
