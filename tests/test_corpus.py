"""Every corpus variant, graded on the real path: the policy, a locked-down grading process of its own, the verdict.

Each variant's code replaces its exercise's solution in a submission that holds the reference answers
elsewhere; the exercise is then graded as nbgrader's autograde grades it (`course.grading.processes`
builds the job, `course.grading.sandbox` runs it, `course.grading.verdicts` judges it), exercise by
exercise, two grading processes at a time. tests/test_grading_flow.py grades a sample of the same
variants through nbgrader itself, on both paths.
"""

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from course.build.cells import grade_id, is_solution, reference_answers, submission
from course.build.contract import ASSIGNMENTS, Assignment
from course.grading.intake import exercises_of, rebuild
from course.grading.notes import NOTES, PASSED, VERDICTS
from course.grading.pipeline import restore_hidden_tests
from course.grading.processes import GradeInProcesses
from course.grading.verdicts import TrustedVerdicts
from course.judging.checks import SAME_OUTPUT
from tests.corpus import Variant, answers_with, variants
from tests.notebooks import read

REPO = Path(__file__).resolve().parent.parent


def graded(assignment: Assignment, variant: Variant) -> tuple[bool, str, str, dict]:
    """Whether `variant` passes its exercise's hidden tests on the real grading path, what it is told, the notes,
    and its verdict's summary for the reports (outcome, mistake ids)."""
    source, release = (
        read(assignment.path(REPO / "source")),
        read(assignment.path(REPO / "release")),
    )
    answers = answers_with(variant, reference_answers(source))
    notebook = rebuild(submission(release, answers), release, exercises_of(assignment.id)).notebook
    restore_hidden_tests(notebook, source)
    test = f"test_{variant.exercise}"
    notebook.cells = [
        cell
        for cell in notebook.cells
        if not (
            cell.get("metadata", {}).get("nbgrader", {}).get("grade") and grade_id(cell) != test
        )
    ]
    resources = {
        "nbgrader": {
            "assignment": assignment.id,
            "notebook": Path(assignment.notebook).stem,
            "student": variant.name,
        }
    }
    GradeInProcesses(timeout=60).preprocess(notebook, resources)
    TrustedVerdicts().preprocess(notebook, resources)
    (cell,) = [cell for cell in notebook.cells if grade_id(cell) == test]
    (output,) = cell.outputs
    told = output.get("text", "") or output.get("evalue", "")
    metadata = notebook.metadata[NOTES]
    summary = metadata[VERDICTS][variant.exercise]
    return output.get("output_type") == "stream", told, "\n".join(metadata["notes"]), summary


def judged(job: tuple[str, str]) -> str:
    """A problem with one variant ("" if it scores and is told what its header says)."""
    assignment = next(a for a in ASSIGNMENTS if a.id == job[0])
    variant = next(v for v in variants(assignment.id) if f"{v.exercise}__{v.name}" == job[1])
    passed, told, notes, summary = graded(assignment, variant)
    label = f"{variant.exercise}__{variant.name} ({variant.kind})"
    if variant.kind == "correct":
        return "" if passed else f"{label}: a correct variant failed: {told[:400]}"
    if passed:
        return f"{label}: scored full marks"
    if variant.feedback not in f"{told}\n{notes}":
        return f"{label}: feedback lacks {variant.feedback!r}: {told[:400]}"
    return message_problem(told, variant, label) or summary_problem(told, summary, label)


def summary_problem(told: str, summary: dict, label: str) -> str:
    """What is wrong with a failed verdict's summary ("" if nothing): one mistake id per mistake its message names."""
    if summary["outcome"] == PASSED:
        return f"{label}: failed, but its summary says passed"
    line = next((x for x in told.splitlines() if x.startswith("Likely mistake:")), "")
    named = line.count(SAME_OUTPUT) + 1 if line else 0
    if len(summary["mistakes"]) != named:
        return f"{label}: names {named} mistakes but records {summary['mistakes']}: {line}"
    return ""


def message_problem(told: str, variant: Variant, label: str) -> str:
    """What is wrong with a failure message ("" if nothing): over three lines, or a likely mistake not made.

    A wrong variant's likely mistake must be the one it makes: its header's feedback, or its `# hint:`.
    (A cheat's output is whatever its trick gave: a hint about it says nothing of its intent.)"""
    lines = told.strip().splitlines()
    if len(lines) > 3:
        return f"{label}: the message has {len(lines)} lines: {told[:400]}"
    if variant.kind != "wrong":
        return ""
    named = [line for line in lines if line.startswith("Likely mistake:")]
    made = [text for text in (variant.feedback, variant.hint) if text]
    if named and not any(text in named[0] for text in made):
        return f"{label}: names a likely mistake the variant does not make ({made}): {named[0]}"
    return ""


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_every_variant_scores_and_explains(assignment):
    jobs = [(assignment.id, f"{v.exercise}__{v.name}") for v in variants(assignment.id)]
    # Spawned, not forked: a fork of this process, where earlier tests started JAX's threads, can hang in JAX.
    with ProcessPoolExecutor(
        min(2, os.cpu_count() or 1), mp_context=multiprocessing.get_context("spawn")
    ) as pool:
        problems = [problem for problem in pool.map(judged, jobs) if problem]
    assert problems == [], "\n".join(problems)


def test_every_exercise_has_a_corpus():
    for assignment in ASSIGNMENTS:
        source = read(assignment.path(REPO / "source"))
        kinds = {(v.exercise, v.kind) for v in variants(assignment.id)}
        for cell in source.cells:
            if is_solution(cell):
                for kind in ("correct", "wrong"):
                    assert (grade_id(cell), kind) in kinds, (
                        f"{assignment.id} {grade_id(cell)}: no {kind} variant"
                    )
