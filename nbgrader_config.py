"""nbgrader settings for the course: paths, the release pipeline, execution limits."""

from pathlib import Path

from nbgrader.converters.generate_assignment import GenerateAssignment

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "convolutions"
c.CourseDirectory.root = str(Path(__file__).resolve().parent)
# Submissions are graded in parallel: wait for the gradebook's lock instead of failing.
c.CourseDirectory.db_url = f"sqlite:///{Path(__file__).resolve().parent / 'gradebook.db'}?timeout=300"
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

# A student's notebook may not run forever: each cell gets this many seconds, then it is
# interrupted, marked as failed, and the rest of the notebook runs.
c.Execute.timeout = 120
c.Execute.raise_on_iopub_timeout = False
c.Execute.kernel_name = "python3"

# nbgrader scores a test cell 0 if anything reaches stderr, warnings included. A correct answer that
# triggers a library's warning (a DeprecationWarning from JAX, Flax's `.value`) must not lose points:
# drop stderr output that is a Python warning or a library's WARNING log line. Errors still fail a cell.
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = r"(?m)(\w*Warning: |^WARNING[:\s])"

# Feedback shows what each hidden test reported, never the hidden test code.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "course.grading.feedback.SummarizeHiddenTestErrors",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
