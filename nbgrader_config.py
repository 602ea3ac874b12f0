"""nbgrader settings for the course: paths, the release pipeline, and the one protected grading path.

Every way of autograding reads this file: `nbgrader autograde` typed in this folder, formgrader's
Autograde button, and `make autograde`. Each of them therefore rebuilds every submission from
release/ with the student's allowed solution cells (intake and policy), runs each exercise in a
sandboxed grading process of its own, and judges the hidden tests in nbgrader's own process
(trusted verdicts): the path `course.grading.path` declares.
"""

import os
from pathlib import Path

from nbgrader.converters.generate_assignment import GenerateAssignment
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import ClearSolutions

from course.build.contract import ASSIGNMENTS
from course.build.pairs import twin
from course.build.stubs import ClearSolutionsThatRun
from course.grading.path import configure

ROOT = Path(__file__).resolve().parent
c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "convolutions"
c.CourseDirectory.root = str(ROOT)
# The gradebook: SQLite in this folder, or any SQLAlchemy URL in GRADEBOOK (postgresql://user@host/db for many
# graders at once). SQLite waits for its lock instead of failing.
c.CourseDirectory.db_url = (
    os.environ.get("GRADEBOOK") or f"sqlite:///{ROOT / 'gradebook.db'}?timeout=300"
)
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"
# nbgrader copies an assignment's other files along with its notebook; the source notebooks' text twins
# (course/build/pairs.py) hold the answers and never leave source/.
c.CourseDirectory.ignore = [
    *CourseDirectory.class_traits()["ignore"].default(),
    *(twin(Path(assignment.notebook)).name for assignment in ASSIGNMENTS),
]

# Student notebooks carry their own copy of the course helpers (course/build/inline.py) and an
# "Open in Colab" badge (course/build/colab.py).
# A solution region at a cell's top level leaves `name = None` lines, not a raise (course/build/stubs.py),
# so that Run All goes on.
c.GenerateAssignment.preprocessors = [
    "course.build.inline.EmbedCourseHelpers",
    "course.build.colab.AddColabBadge",
    *(
        ClearSolutionsThatRun if preprocessor is ClearSolutions else preprocessor
        for preprocessor in GenerateAssignment.class_traits()["preprocessors"].default()
    ),
]

# Grading: every way of autograding takes the protected path declared in course/grading/path.py: intake and
# policy, one sandboxed grading process per exercise, trusted verdicts, then nbgrader records the scores.
configure(c, ROOT)

# Feedback shows what each hidden test reported, never the hidden test code.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "course.grading.feedback.SummarizeHiddenTestErrors",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
