"""Reports after grading: a file per student, a score table per exercise, a distribution plot."""

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from nbgrader.api import Gradebook, MissingEntry

from course.grading.verdicts import NOTES
from course.nbgrader_cli import gradebook_url


def score_rows(root: Path) -> list[dict[str, Any]]:
    """One row per (student, assignment, graded cell) in the gradebook."""
    rows: list[dict[str, object]] = []
    with Gradebook(gradebook_url(root)) as gradebook:
        for assignment in gradebook.assignments:
            for notebook in assignment.notebooks:
                for student in gradebook.students:
                    try:
                        submission = gradebook.find_submission_notebook(
                            notebook.name, assignment.name, student.id
                        )
                    except MissingEntry:
                        continue
                    for grade in submission.grades:
                        rows.append(
                            {
                                "student": student.id,
                                "assignment": assignment.name,
                                "exercise": grade.name,
                                "score": grade.score,
                                "max_score": grade.max_score,
                            }
                        )
    return rows


def scores(root: Path) -> dict[tuple[str, str, str], float]:
    """(student, assignment, grade cell) -> score, for everything the gradebook holds."""
    return {
        (row["student"], row["assignment"], row["exercise"]): row["score"]
        for row in score_rows(root)
    }


def notes_by_student(root: Path) -> dict[str, list[str]]:
    """Every note about each student's submissions, as 'assignment: note' lines.

    From the ledgers of `make autograde` (the file handed in, how grading went) and from the graded
    notebooks' metadata (the intake, the policy's refusals, the grader's flags), so `nbgrader
    autograde` run by hand or from formgrader is reported on too.
    """
    notes: dict[str, list[str]] = defaultdict(list)
    for path in sorted((root / "intake").glob("*/*/ledger.json")):
        ledger = json.loads(path.read_text())
        student, assignment = path.parent.parent.name, path.parent.name
        notes[student] += [f"{assignment}: {ledger['status']}"] + [
            f"{assignment}: {n}" for n in ledger["notes"]
        ]
    for path in sorted((root / "autograded").glob("*/*/*.ipynb")):
        student, assignment = path.parent.parent.name, path.parent.name
        try:
            graded = (
                json.loads(path.read_text()).get("metadata", {}).get(NOTES, {}).get("notes", [])
            )
        except (OSError, ValueError):
            graded = ["the graded notebook could not be read"]
        notes[student] += [f"{assignment}: {note}" for note in graded if isinstance(note, str)]
    return notes


def plot_distribution(rows: list[dict[str, Any]], path: Path) -> None:
    """A bar per exercise: the share of students with full, partial and no marks."""
    shares: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in rows:
        fraction = float(row["score"]) / float(row["max_score"]) if row["max_score"] else 0.0
        shares[f"{row['assignment']} {row['exercise']}"][
            0 if fraction == 1 else 1 if fraction > 0 else 2
        ] += 1
    labels = sorted(shares)
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(labels) + 1.2))
    left = [0.0] * len(labels)
    for column, (name, color) in enumerate(
        (("full marks", "#2a9d8f"), ("partial", "#e9c46a"), ("0", "#e76f51"))
    ):
        counts = [shares[label][column] for label in labels]
        ax.barh(labels, counts, left=left, color=color, label=name)
        left = [a + b for a, b in zip(left, counts)]
    ax.invert_yaxis()
    ax.set_xlabel("students")
    ax.legend(loc="lower right")
    ax.set_title("Scores per exercise")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def write_reports(root: Path) -> None:
    """Write reports/ for the course at `root` and print the notes that need an instructor's eye."""
    folder = root / "reports"
    (folder / "students").mkdir(parents=True, exist_ok=True)
    for student, lines in notes_by_student(root).items():
        (folder / "students" / f"{student}.txt").write_text("\n".join(lines) + "\n")
        for line in lines:
            if not line.endswith(": graded"):
                print(f"note for {student}: {line}")
    rows = score_rows(root)
    with open(folder / "scores_by_exercise.csv", "w", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=["student", "assignment", "exercise", "score", "max_score"]
        )
        writer.writeheader()
        writer.writerows(rows)
    if rows:
        plot_distribution(rows, folder / "score_distribution.png")
    print(
        f"wrote {folder}/: students/, scores_by_exercise.csv"
        + (", score_distribution.png" if rows else "")
    )


def main() -> None:
    """`make reports`: the reports for whatever has been graded, by `make autograde`, nbgrader or formgrader."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the course folder (default: here)"
    )
    write_reports(parser.parse_args().root.resolve())


if __name__ == "__main__":
    main()
