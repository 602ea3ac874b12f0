"""Every corpus variant, graded on the real path: the policy, a locked-down grading process of its own, the verdict;
and every wrong variant's visible check, held to the same rules for its message.

Each variant's code replaces its exercise's solution in a submission that holds the reference answers
elsewhere; the exercise is then graded as nbgrader's autograde grades it (`course.grading.processes`
builds the job, `course.grading.sandbox` runs it, `course.grading.verdicts` judges it), exercise by
exercise, two grading processes at a time. tests/test_grading_flow.py grades a sample of the same
variants through nbgrader itself, on both paths.
"""

import contextlib
import io
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from course.build.cells import grade_id, is_solution, reference_answers, submission
from course.build.contract import ASSIGNMENTS, Assignment
from course.build.corpus import ENDLESS
from course.grading.intake import exercises_of, rebuild
from course.grading.notes import NOTES, PASSED, VERDICTS
from course.grading.pipeline import restore_hidden_tests
from course.grading.processes import GradeInProcesses
from course.grading.verdicts import TrustedVerdicts
from course.judging.checks import CHECK_MARK, SAME_OUTPUT, CheckFailed
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


# This worker's notebook namespace right after the setup cell, by assignment (a worker checks one assignment).
_AFTER_SETUP: dict[str, dict] = {}


def checked(assignment: Assignment, variant: Variant) -> tuple[bool, str]:
    """Whether `variant` passes its visible check, as a student runs it in the source notebook with the reference
    answers in the other solution cells, and the check's message (an error's text if the check itself broke).

    The notebook lives in this worker's `__main__`, where checks look for answers; its setup cell runs once.
    """
    namespace = vars(sys.modules["__main__"])
    source = read(assignment.path(REPO / "source"))
    if assignment.id not in _AFTER_SETUP:
        assert not _AFTER_SETUP, "one worker, one assignment"
        (setup,) = [cell for cell in source.cells if cell.get("id") == "setup"]
        with contextlib.redirect_stdout(io.StringIO()):  # the runtime report
            exec(setup.source, namespace)
        _AFTER_SETUP[assignment.id] = dict(namespace)
    namespace.clear()  # nothing an earlier variant bound is left
    namespace.update(_AFTER_SETUP[assignment.id])
    answers = answers_with(variant, reference_answers(source))
    for cell in source.cells:
        if is_solution(cell):
            exec(answers[grade_id(cell)], namespace)
    shown = io.StringIO()
    try:
        with contextlib.redirect_stdout(shown):
            namespace[f"check_{variant.exercise}"]()
    except CheckFailed as failure:
        return False, str(failure)
    except Exception as error:
        return False, f"the check itself raised {type(error).__name__}: {error}"
    return shown.getvalue().startswith(CHECK_MARK), shown.getvalue()


def visible_problem(assignment: Assignment, variant: Variant, label: str) -> str:
    """What is wrong with a wrong variant's visible check ("" if nothing): the same rules as for its hidden tests.

    It may pass (the hidden tests decide); a failure is at most three lines, names only a mistake the variant
    makes, and comes from a judged answer, not from the check breaking."""
    passed, told = checked(assignment, variant)
    if passed:
        return ""
    if told.startswith("the check itself raised"):
        return f"{label}: visible check: {told[:400]}"
    problem = message_problem(told, variant, label)
    return problem and f"{problem} (visible check)"


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
    return (
        message_problem(told, variant, label)
        or summary_problem(told, summary, label)
        or (
            visible_problem(assignment, variant, label)
            if variant.kind == "wrong" and ENDLESS not in variant.feedback and not variant.python
            else ""
        )
    )


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
