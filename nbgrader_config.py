"""nbgrader settings for the course: paths, the release pipeline, and the one protected grading path.

Every way of autograding reads this file: `nbgrader autograde` typed in this folder, formgrader's
Autograde button, and `make autograde`. Each of them therefore rebuilds every submission from
release/ with the student's allowed solution cells (intake and policy), runs it in a sandboxed
kernel, and judges the hidden tests in nbgrader's own process (trusted verdicts).
"""

import os
from pathlib import Path

from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.converters.generate_assignment import GenerateAssignment
from nbgrader.preprocessors import (
    AssignLatePenalties, CheckCellMetadata, ClearOutput, DeduplicateIds, LimitOutput, OverwriteCells,
    OverwriteKernelspec, SaveAutoGrades,
)

ROOT = Path(__file__).resolve().parent
c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "convolutions"
c.CourseDirectory.root = str(ROOT)
# The gradebook: SQLite in this folder, or any SQLAlchemy URL in GRADEBOOK (postgresql://user@host/db for many
# graders at once). SQLite waits for its lock instead of failing.
c.CourseDirectory.db_url = os.environ.get("GRADEBOOK") or f"sqlite:///{ROOT / 'gradebook.db'}?timeout=300"
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"

# Student notebooks carry their own copy of the course helpers (course/build/inline.py) and an
# "Open in Colab" badge (course/build/colab.py).
c.GenerateAssignment.preprocessors = [
    "course.build.inline.EmbedCourseHelpers",
    "course.build.colab.AddColabBadge",
    *GenerateAssignment.class_traits()["preprocessors"].default(),
]

# Grading, step 1: the graded notebook is release/'s with the student's solution cells that pass the
# policy (course/grading/intake.py); nbgrader's OverwriteCells then restores the hidden tests.
c.Autograde.sanitize_preprocessors = [
    ClearOutput, DeduplicateIds, OverwriteKernelspec, "course.grading.intake.RebuildFromRelease",
    OverwriteCells, CheckCellMetadata,
]
c.RebuildFromRelease.release_directory = str(ROOT / "release")

# Step 2: run it in a sandboxed kernel (course/grading/sandbox.py); step 3: judge each hidden test
# here, from the outputs the kernel published, and score its cell (course/grading/verdicts.py).
c.Autograde.autograde_preprocessors = [
    "course.grading.execute.SandboxedExecute", "course.grading.verdicts.TrustedVerdicts",
    ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata,
]

# A student's notebook may not run forever: each cell gets this many seconds, then it is
# interrupted, marked as failed, and the rest of the notebook runs.
c.Execute.timeout = 120
c.Execute.raise_on_iopub_timeout = False
c.Execute.kernel_name = "python3"

# Feedback shows what each hidden test reported, never the hidden test code.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "course.grading.feedback.SummarizeHiddenTestErrors",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
