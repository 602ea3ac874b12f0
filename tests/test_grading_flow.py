"""The instructor's flow with real nbgrader, sandboxed kernels and the whole submission corpus.

One scratch course is graded once (the `graded` fixture) with every kind of submission:
reference answers, the blank release, each exercise left undone in turn, broken files, and the
corpus of correct, wrong and cheating variants in tests/corpus/.
"""

import csv
import json
import shutil
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import jax
import jax.numpy as jnp
import nbformat
import pytest
from flax import nnx
from nbgrader.api import Gradebook

from course.build.cells import grade_id, is_grade, reference_answers, submission
from course.build.contract import ASSIGNMENTS, Assignment
from course.grading.autograde import (
    Options,
    digest,
    grade_all,
    ledger_path,
    read_ledger,
    submissions,
)
from course.grading.report import write_reports
from course.grading.verdicts import NOTES
from course.nbgrader_cli import nbgrader
from tests.conftest import write_submission
from tests.corpus import Variant, corpus_students, sample, variants
from tests.notebooks import read

STRIDES = ASSIGNMENTS[0]
NNX = next(a for a in ASSIGNMENTS if a.id == "05_conv2d_nnx")
WARNS = "nnx-value-reads"  # reads Params with `.value`: correct, but Flax 0.12 warns on stderr


def with_value_reads(code: str) -> str:
    """An NNX answer that reads its Params the pre-0.12 way, `param.value`, instead of `param[...]`."""
    return code.replace("[...]", ".value")


OPTIONS = Options(exercise_timeout=60, workers=2)


def flow_students(answers: dict[str, str]) -> dict[str, dict[str, str]]:
    """Student id -> answers: all, none, or all but one exercise."""
    students = {"reference": answers, "blank": {}}
    for left_out in answers:
        students[f"without-{left_out}"] = {
            gid: code for gid, code in answers.items() if gid != left_out
        }
    return students


def broken_files(
    release: nbformat.NotebookNode, answers: dict[str, str]
) -> dict[str, tuple[str, str, float]]:
    """Student id -> (file name, file content, expected share of the points) for broken 01_strides hand-ins."""
    full = submission(release, answers)
    stripped = nbformat.from_dict(json.loads(nbformat.writes(full)))
    for cell in stripped.cells:
        cell.metadata = {}
    tampered = nbformat.from_dict(json.loads(nbformat.writes(full)))
    tampered.cells = [cell for cell in tampered.cells if not is_grade(cell)]
    for cell in tampered.cells:
        if str(grade_id(cell)).startswith("check_"):
            cell.source = "pass"
    name = STRIDES.notebook
    return {
        "broken-json": (name, nbformat.writes(full)[:-200], 0.0),
        "broken-empty-notebook": (name, nbformat.writes(nbformat.v4.new_notebook()), 0.0),
        "broken-no-notebook": ("README.txt", "I forgot to attach it", 0.0),
        "broken-renamed-file": ("strides-final (2).ipynb", nbformat.writes(full), 1.0),
        "broken-stripped-metadata": (name, nbformat.writes(stripped), 1.0),
        "broken-tampered-locked-cells": (name, nbformat.writes(tampered), 1.0),
        "broken-old-nbformat": (name, nbformat.writes(nbformat.convert(full, 3), version=3), 1.0),
    }


def graded_variants(assignment: Assignment) -> list[Variant]:
    """Corpus variants graded here through nbgrader: all of 01_strides (whose cheats hang, hoard memory,
    kill the kernel...) and a sample of the others; tests/test_corpus.py runs every variant."""
    found = variants(assignment.id)
    return found if assignment == STRIDES else sample(found)


@pytest.fixture(scope="session")
def graded(scratch_course: Path) -> Path:
    """The scratch course after `make autograde`'s code graded every kind of submission."""
    root = scratch_course
    for assignment in ASSIGNMENTS:
        release = read(assignment.path(root / "release"))
        answers = reference_answers(read(assignment.path(root / "source")))
        corpus = corpus_students(assignment.id, answers, graded_variants(assignment))
        students = {**flow_students(answers), **{s: a for s, (a, _) in corpus.items()}}
        if assignment == NNX:
            students[WARNS] = {gid: with_value_reads(code) for gid, code in answers.items()}
        for student, chosen in students.items():
            write_submission(
                root,
                student,
                assignment,
                assignment.notebook,
                nbformat.writes(submission(release, chosen)),
            )
    release, answers = (
        read(STRIDES.path(root / "release")),
        reference_answers(read(STRIDES.path(root / "source"))),
    )
    for student, (name, content, _) in broken_files(release, answers).items():
        write_submission(root, student, STRIDES, name, content)
    before = digest(root / "submitted")
    assert grade_all(root, OPTIONS).failed == []
    assert digest(root / "submitted") == before, "grading changed submitted/"
    assert nbgrader(root, "export", "--to", "grades.csv").returncode == 0
    write_reports(root)
    return root


def cell_scores(root: Path, assignment: Assignment, student: str) -> dict[str, tuple[float, float]]:
    """grade cell id -> (score, max score) for one graded submission."""
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        notebook = gradebook.find_submission_notebook(
            Path(assignment.notebook).stem, assignment.id, student
        )
        return {grade.name: (grade.score, grade.max_score) for grade in notebook.grades}


def feedback_for(root: Path, assignment: Assignment, student: str, exercise: str) -> str:
    """What a student is told about one exercise: its test cell's verdict, and the notes on the submission."""
    graded = read(root / "autograded" / student / assignment.id / assignment.notebook)
    cell = next(c for c in graded.cells if grade_id(c) == f"test_{exercise}")
    outputs = [
        f"{o.get('ename', '')}: {o.get('evalue', '')}{o.get('text', '')}"
        for o in cell.get("outputs", [])
    ]
    ledger = json.loads((root / "intake" / student / assignment.id / "ledger.json").read_text())
    return "\n".join(outputs + ledger["notes"] + graded.metadata.get(NOTES, {}).get("notes", []))


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_full_blank_and_one_exercise_undone(graded, assignment):
    answers = reference_answers(read(assignment.path(graded / "source")))
    for student in flow_students(answers):
        scores = cell_scores(graded, assignment, student)
        assert set(scores) == {f"test_{gid}" for gid in answers}
        for cell, (score, max_score) in scores.items():
            if student == "reference":
                expected = max_score
            elif student == "blank":
                expected = 0
            else:
                expected = 0 if cell == f"test_{student.removeprefix('without-')}" else max_score
            assert score == expected, (
                f"{student} {assignment.id} {cell}: {score} of {max_score}, expected {expected}"
            )


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_corpus_variants_score_and_explain(graded, assignment):
    answers = reference_answers(read(assignment.path(graded / "source")))
    for student, (_, used) in corpus_students(
        assignment.id, answers, graded_variants(assignment)
    ).items():
        scores = cell_scores(graded, assignment, student)
        for exercise in answers:
            score, max_score = scores[f"test_{exercise}"]
            variant = used.get(exercise)
            label = f"{student} {exercise} ({variant.name if variant else 'reference'})"
            if variant is None or variant.kind == "correct":
                assert score == max_score, f"{label}: {score} of {max_score}, expected full marks"
            else:
                assert score == 0, f"{label}: {score} of {max_score}, expected 0"
                told = feedback_for(graded, assignment, student, exercise)
                assert variant.feedback in told, (
                    f"{label}: feedback does not say {variant.feedback!r}:\n{told}"
                )


def test_a_library_warning_costs_no_points(graded):
    scores = cell_scores(graded, NNX, WARNS)
    assert all(score == max_score for score, max_score in scores.values()), scores
    answer = with_value_reads(reference_answers(read(NNX.path(graded / "source")))["MyConv2D"])
    namespace = {"nnx": nnx, "jax": jax, "jnp": jnp}
    exec(answer, namespace)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        namespace["MyConv2D"](2, 3, 3, 3, 1, rngs=nnx.Rngs(0))(jnp.ones((4, 4, 2)))
    assert any(issubclass(w.category, DeprecationWarning) for w in caught), (
        "no warning: this test checks nothing"
    )


def test_broken_submissions_are_graded_with_a_note(graded):
    release, answers = (
        read(STRIDES.path(graded / "release")),
        reference_answers(read(STRIDES.path(graded / "source"))),
    )
    for student, (_, _, share) in broken_files(release, answers).items():
        scores = cell_scores(graded, STRIDES, student)
        total, maximum = sum(s for s, _ in scores.values()), sum(m for _, m in scores.values())
        assert total == share * maximum, f"{student}: {total} of {maximum}"
        report = (graded / "reports" / "students" / f"{student}.txt").read_text()
        assert "01_strides: graded" in report
        if student not in (
            "broken-stripped-metadata",
            "broken-tampered-locked-cells",
            "broken-old-nbformat",
        ):
            assert len(report.splitlines()) > 1, f"{student}: no note explains the score"


def test_grades_csv_and_reports(graded):
    with open(graded / "grades.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    reference = [row for row in rows if row["student_id"] == "reference"]
    assert len(reference) == len(ASSIGNMENTS)
    assert all(float(row["score"]) == float(row["max_score"]) > 0 for row in reference)
    with open(graded / "reports" / "scores_by_exercise.csv", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert {"student", "assignment", "exercise", "score", "max_score"} == set(table[0])
    assert {(r["assignment"], r["exercise"]) for r in table if r["student"] == "reference"} == {
        (a.id, f"test_{gid}")
        for a in ASSIGNMENTS
        for gid in reference_answers(read(a.path(graded / "source")))
    }
    assert (graded / "reports" / "score_distribution.png").stat().st_size > 1000


def graded_outputs(root: Path, assignment: Assignment) -> dict[str, list[str]]:
    """Exercise -> what each graded submission's test cell shows: "" for no error, else the failure's message."""
    shown: dict[str, list[str]] = {}
    for path in sorted((root / "autograded").glob(f"*/{assignment.id}/{assignment.notebook}")):
        for cell in read(path).cells:
            if is_grade(cell) and cell.cell_type == "code":
                errors = [o for o in cell.outputs if o.get("output_type") == "error"]
                shown.setdefault(str(grade_id(cell)).removeprefix("test_"), []).append(
                    errors[0].get("evalue", "?") if errors else ""
                )
    return shown


def full_marks(root: Path, assignment: Assignment) -> dict[str, int]:
    """Exercise -> how many graded submissions the gradebook gives its full marks."""
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        notebook = gradebook.find_notebook(Path(assignment.notebook).stem, assignment.id)
        return {
            cell.name.removeprefix("test_"): sum(
                grade.score == grade.max_score for grade in cell.grades
            )
            for cell in notebook.grade_cells
        }


def test_mistakes_report_counts_what_the_cohort_was_told(graded):
    """reports/mistakes_by_exercise.csv against the graded notebooks' own test cells and the gradebook."""
    with open(graded / "reports" / "mistakes_by_exercise.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    exercises = [
        (a.id, gid)
        for a in ASSIGNMENTS
        for gid in reference_answers(read(a.path(graded / "source")))
    ]
    assert list(dict.fromkeys((row["assignment"], row["exercise"]) for row in rows)) == exercises
    for assignment in ASSIGNMENTS:
        passing = full_marks(graded, assignment)
        for exercise, shown in graded_outputs(graded, assignment).items():
            mine = [
                row
                for row in rows
                if (row["assignment"], row["exercise"]) == (assignment.id, exercise)
            ]
            counts = {row["what"]: int(row["submissions"]) for row in mine}
            mistakes = sum(int(row["submissions"]) for row in mine if row["kind"] == "mistake")
            named = sum("\nLikely mistake: " in text for text in shown)
            unnamed = sum(bool(text) and "\nLikely mistake: " not in text for text in shown)
            label = f"{assignment.id} {exercise}: {counts}"
            assert named <= mistakes <= 2 * named, label
            assert sum(counts.values()) - mistakes - counts.get("passed", 0) == unnamed, label
            assert counts.get("passed", 0) == shown.count("") == passing[exercise], label
            # the blank hand-in and the one without this exercise left it unwritten
            assert counts["unwritten"] >= 2, label
    assert any(row["exercise"] == "as_strided_trace" and row["what"] == "forbidden" for row in rows)
    assert (graded / "reports" / "mistakes.png").stat().st_size > 5000


def test_a_second_run_grades_only_what_changed(graded, tmp_path):
    copy = tmp_path / "course"
    shutil.copytree(graded, copy)
    first = grade_all(copy, OPTIONS)
    assert (first.graded, first.failed, first.skipped) == (0, [], len(submissions(copy)))
    release = read(STRIDES.path(copy / "release"))
    write_submission(copy, "reference", STRIDES, STRIDES.notebook, nbformat.writes(release))
    (copy / "intake" / "blank" / STRIDES.id / "ledger.json").unlink()
    second = grade_all(copy, OPTIONS)
    assert (second.graded, second.failed, second.skipped) == (2, [], first.skipped - 2)
    assert read_ledger(ledger_path(copy, "reference", STRIDES.id)).digest == digest(
        copy / "submitted" / "reference" / STRIDES.id
    )
    assert read_ledger(ledger_path(copy, "blank", STRIDES.id)).status == "graded"
    assert sum(score for score, _ in cell_scores(copy, STRIDES, "reference").values()) == 0


def test_feedback_shows_outcomes_but_not_hidden_tests(graded):
    (graded / "roster.csv").write_text("student,lms_id\nreference,L-0001\n")
    result = subprocess.run(
        [sys.executable, "-m", "course.grading.feedback", "--root", str(graded)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    source = read(STRIDES.path(graded / "source"))
    hidden = [
        line.strip()
        for cell in source.cells
        if is_grade(cell)
        for line in cell.source.split("### BEGIN HIDDEN TESTS")[-1].splitlines()
        if len(line.strip()) > 12
    ]
    wrong = next(
        s
        for s, (_, used) in corpus_students(STRIDES.id, reference_answers(source)).items()
        if any(v.name == "contiguous_step" for v in used.values())
    )
    html = (graded / "feedback" / wrong / STRIDES.id / "strides.html").read_text()
    assert "use mat.stride()" in html
    assert "BEGIN HIDDEN TESTS" not in html
    leaked = [line for line in hidden if line in html and "END HIDDEN TESTS" not in line]
    assert leaked == []
    with zipfile.ZipFile(graded / "feedback" / "lms" / f"{STRIDES.id}.zip") as archive:
        pages = {name: archive.read(name).decode() for name in archive.namelist()}
    assert (
        "L-0001_strides.html" in pages and f"{wrong}_strides.html" in pages
    )  # by LMS id, else nbgrader's
    most = sum(
        cell_scores(graded, STRIDES, "reference")[g][1]
        for g in cell_scores(graded, STRIDES, "reference")
    )
    assert f"Score: {most:g} / {most:g}" in pages["L-0001_strides.html"]
    top = pages[f"{wrong}_strides.html"].split("</section>")[
        0
    ]  # the summary, above nbgrader's page
    assert "as_strided_trace" in top and "use mat.stride()" in top
    assert not [
        line for page in pages.values() for line in hidden if line in page and "END" not in line
    ]


def test_lms_grade_files_from_the_graded_cohort(graded, tmp_path):
    with Gradebook(f"sqlite:///{graded / 'gradebook.db'}") as gradebook:
        students = sorted(student.id for student in gradebook.students)
        most = {a.name: a.max_score for a in gradebook.assignments}
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "student,lms_id,name\n" + "".join(f"{s},L{n},{s}\n" for n, s in enumerate(students))
    )
    out = tmp_path / "canvas.csv"
    result = nbgrader(
        graded,
        "export",
        "--exporter=course.grading.lms.CanvasExport",
        f"--to={out}",
        f"--CanvasExport.roster={roster}",
    )
    assert result.returncode == 0, result.stderr
    with open(out, newline="") as handle:
        header, possible, *rows = list(csv.reader(handle))
    columns = header[5:]
    assert sorted(columns) == sorted(a.id for a in ASSIGNMENTS)
    assert [float(points) for points in possible[5:]] == [most[name] for name in columns]
    by_student = {row[0]: dict(zip(columns, row[5:])) for row in rows}
    assert set(by_student) == set(students)
    assert all(float(by_student["reference"][name]) == most[name] for name in columns)
    broken = [s for s in students if s.startswith("broken")]  # they submitted 01 only
    assert broken and all(by_student[s][ASSIGNMENTS[1].id] == "" for s in broken)
