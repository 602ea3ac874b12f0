"""The protected grading path, declared once: what every way of grading does to a submission, in order.

nbgrader_config.py (and so `nbgrader autograde` and formgrader's Autograde button), the per-submission
pipeline of `make autograde` (`course.grading.pipeline`) and its gradebook writer (`course.grading.store`)
all take their steps and time limits from here:

1. `INTAKE`: the submission becomes the release notebook with the student's solution cells that pass
   the policy (`course.grading.intake`), then nbgrader puts the hidden tests back from its gradebook;
2. `GRADE`: each exercise runs in a sandboxed grading process of its own, locked down before any
   student code (`course.grading.processes`), and its results are judged in the grader's process
   (`course.grading.verdicts`);
3. `RECORD`: nbgrader limits the output, saves the scores and applies late penalties.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    LimitOutput,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)

from course.grading.intake import RebuildFromRelease
from course.grading.processes import GradeInProcesses
from course.grading.verdicts import TrustedVerdicts


@dataclass(frozen=True)
class Timeouts:
    """Seconds one exercise's grading process may run, and one submission's in all."""

    exercise: int = 120
    submission: int = 1200


TIMEOUTS = Timeouts()
INTAKE = [
    ClearOutput,
    DeduplicateIds,
    OverwriteKernelspec,
    RebuildFromRelease,
    OverwriteCells,
    CheckCellMetadata,
]
GRADE = [GradeInProcesses, TrustedVerdicts]
RECORD = [LimitOutput, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]


def configure(c: Any, root: Path) -> None:
    """Make nbgrader's autograde, however it is started, follow the grading path for the course at `root`."""
    c.Autograde.sanitize_preprocessors = INTAKE
    c.Autograde.autograde_preprocessors = GRADE + RECORD
    c.RebuildFromRelease.release_directory = str(root / "release")
    c.GradeInProcesses.timeout = TIMEOUTS.exercise
    c.GradeInProcesses.submission_timeout = TIMEOUTS.submission
