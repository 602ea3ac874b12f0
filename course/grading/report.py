"""Reports after grading: a file per student, a score table, a distribution plot, and what the cohort got wrong."""

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
from nbgrader.api import Gradebook, MissingEntry

from course.build.contract import ASSIGNMENTS
from course.grading.intake import exercises_of
from course.grading.notes import NOTES, OUTCOMES, PASSED, VERDICTS, WRONG
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


def graded_metadata(root: Path) -> dict[Path, dict[str, Any] | None]:
    """Each graded notebook under autograded/ and the course's metadata in it (None if it cannot be read)."""
    found: dict[Path, dict[str, Any] | None] = {}
    for path in sorted((root / "autograded").glob("*/*/*.ipynb")):
        try:
            metadata = json.loads(path.read_text()).get("metadata", {}).get(NOTES, {})
            found[path] = metadata if isinstance(metadata, dict) else {}
        except (OSError, ValueError, AttributeError):
            found[path] = None
    return found


def notes_by_student(root: Path, graded: dict[Path, dict[str, Any] | None]) -> dict[str, list[str]]:
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
    for path, metadata in graded.items():
        student, assignment = path.parent.parent.name, path.parent.name
        lines = (
            ["the graded notebook could not be read"]
            if metadata is None
            else metadata.get("notes", [])
        )
        notes[student] += [f"{assignment}: {note}" for note in lines if isinstance(note, str)]
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


NO_NAMED_MISTAKE = "no-named-mistake"  # failed, and the message named no known mistake
MISTAKE_COLUMNS = ["assignment", "exercise", "kind", "what", "submissions"]
KIND_COLOURS = {"mistake": "#e76f51", "outcome": "#8d99ae"}


def verdict_summaries(
    graded: dict[Path, dict[str, Any] | None],
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(assignment, exercise) -> the verdict summary of each graded submission, from the graded notebooks."""
    found: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for path, metadata in graded.items():
        verdicts = (metadata or {}).get(VERDICTS, {})
        for exercise, summary in verdicts.items() if isinstance(verdicts, dict) else ():
            if isinstance(summary, dict) and summary.get("outcome") in OUTCOMES:
                found[(path.parent.name, exercise)].append(summary)
    return found


def exercise_order() -> list[tuple[str, str]]:
    """Every (assignment, exercise) of the course, in notebook order."""
    return [
        (assignment.id, name)
        for assignment in ASSIGNMENTS
        for name in exercises_of(assignment.id).exercises
    ]


def mistake_rows(graded: dict[Path, dict[str, Any] | None]) -> list[dict[str, Any]]:
    """Per exercise, in notebook order: how many submissions made each known mistake (by its id),
    failed with no named mistake, or ended otherwise (forbidden call, refused, unwritten...); then passed."""
    summaries, rows = verdict_summaries(graded), []
    for assignment, exercise in exercise_order():
        mistakes: dict[str, int] = defaultdict(int)
        outcomes: dict[str, int] = defaultdict(int)
        for summary in summaries.get((assignment, exercise), []):
            named = [m for m in summary.get("mistakes", []) if isinstance(m, str)]
            if summary["outcome"] == WRONG and not named:
                outcomes[NO_NAMED_MISTAKE] += 1
            elif summary["outcome"] != WRONG:
                outcomes[summary["outcome"]] += 1
            for mistake in named:
                mistakes[mistake] += 1
        counted = sorted(mistakes.items(), key=lambda item: (-item[1], item[0]))
        ordered = [(NO_NAMED_MISTAKE, outcomes.pop(NO_NAMED_MISTAKE, 0))] + [
            (outcome, outcomes.get(outcome, 0)) for outcome in OUTCOMES if outcome != WRONG
        ]
        counts = [("mistake", m, n) for m, n in counted] + [
            ("outcome", o, n) for o, n in ordered if n
        ]
        rows += [
            dict(zip(MISTAKE_COLUMNS, (assignment, exercise, kind, what, n)))
            for kind, what, n in counts
        ]
    return rows


def plot_mistakes(rows: list[dict[str, Any]], path: Path) -> None:
    """One bar per known mistake made and per other failure, grouped by exercise in notebook order."""
    labels, counts, colours, positions, headers = [], [], [], [], []
    position = 0.0
    for (assignment, exercise), group in _grouped(rows):
        passed = sum(row["submissions"] for row in group if row["what"] == PASSED)
        headers.append((position, f"{assignment} · {exercise}  ({passed} passed)"))
        position += 1
        for row in group:
            if row["what"] == PASSED:
                continue
            labels.append(row["what"])
            counts.append(row["submissions"])
            colours.append(KIND_COLOURS[row["kind"]])
            positions.append(position)
            position += 1
        position += 0.4
    fig, ax = plt.subplots(figsize=(9, 0.28 * max(position, 4) + 1.4))
    ax.barh(positions, counts, color=colours)
    ax.set_yticks(positions, labels, fontsize=8)
    for y, text in headers:
        ax.text(0, y, text, fontsize=9, fontweight="bold", va="center", ha="left")
    for y, count in zip(positions, counts):
        ax.text(count, y, f" {count}", fontsize=7, va="center")
    ax.set_ylim(position, -1)
    ax.set_xlabel("submissions")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("What the cohort got wrong: known mistakes (red) and other failures (grey)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _grouped(rows: list[dict[str, Any]]) -> list[tuple[tuple[str, str], list[dict[str, Any]]]]:
    """`rows` grouped by (assignment, exercise), in their order."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault((row["assignment"], row["exercise"]), []).append(row)
    return list(groups.items())


def write_reports(root: Path) -> None:
    """Write reports/ for the course at `root` and print the notes that need an instructor's eye."""
    folder = root / "reports"
    (folder / "students").mkdir(parents=True, exist_ok=True)
    graded = graded_metadata(root)
    for student, lines in notes_by_student(root, graded).items():
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
    mistakes = mistake_rows(graded)
    with open(folder / "mistakes_by_exercise.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=MISTAKE_COLUMNS)
        writer.writeheader()
        writer.writerows(mistakes)
    if mistakes:
        plot_mistakes(mistakes, folder / "mistakes.png")
    print(
        f"wrote {folder}/: students/, scores_by_exercise.csv, mistakes_by_exercise.csv"
        + (", score_distribution.png" if rows else "")
        + (", mistakes.png" if mistakes else "")
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
