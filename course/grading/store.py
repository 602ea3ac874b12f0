"""Recording graded notebooks: the driver alone writes autograded/ and the gradebook, through nbgrader itself.

Workers return graded notebooks whose every grade cell holds one verdict. `Store.record` puts one
under intake/ and runs nbgrader's own autograde on it with only the steps that record: limit the
output, save the scores (nbgrader reads an error as 0 and anything else as full marks), apply late
penalties. A notebook whose grade cells do not all hold a verdict is never recorded as it is: it
would score full marks for cells with no output.
"""

import copy
import warnings
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader.api import Gradebook
from nbgrader.converters import Autograde
from nbgrader.coursedir import CourseDirectory
from sqlalchemy.exc import SAWarning

from course.build.cells import is_grade
from course.grading.path import RECORD
from course.grading.verdicts import Verdict
from course.nbgrader_cli import course_config

STAGING = "intake"


def has_verdicts(notebook: NotebookNode) -> bool:
    """Whether every grade cell holds exactly one verdict: a success line or a CheckFailed error."""
    for cell in notebook.cells:
        if cell.cell_type == "code" and is_grade(cell):
            outputs = cell.get("outputs", [])
            if len(outputs) != 1:
                return False
            (output,) = outputs
            passed = output.get("output_type") == "stream" and output.get("text", "").startswith(
                "\N{CHECK MARK}"
            )
            if not (
                passed
                or (output.get("output_type") == "error" and output.get("ename") == "CheckFailed")
            ):
                return False
    return True


def not_graded(release: NotebookNode, reason: str) -> NotebookNode:
    """The release notebook with every grade cell failed for `reason`: what an ungradable submission gets."""
    notebook = copy.deepcopy(release)
    for cell in notebook.cells:
        if cell.cell_type == "code" and is_grade(cell):
            cell.outputs = [Verdict(False, f"This notebook could not be graded: {reason}").output()]
    return notebook


class Store:
    """Writes graded notebooks into one course's autograded/ and gradebook."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.config = course_config(root)
        self.config.CourseDirectory.root = str(root)
        self.config.CourseDirectory.submitted_directory = STAGING
        self.config.Autograde.sanitize_preprocessors = []
        self.config.Autograde.autograde_preprocessors = RECORD
        # create or migrate it once, before any record
        with Gradebook(self.config.CourseDirectory.db_url):
            pass

    def record(
        self, student: str, assignment: str, notebook_name: str, notebook: NotebookNode
    ) -> None:
        """Record one graded notebook for `student`; raise if nbgrader cannot."""
        if not has_verdicts(notebook):
            raise ValueError(
                f"{student} {assignment}: a grade cell holds no verdict; refusing to record it"
            )
        nbformat.write(notebook, self.root / STAGING / student / assignment / notebook_name)
        coursedir = CourseDirectory(config=self.config)
        coursedir.assignment_id, coursedir.student_id = assignment, student
        converter = Autograde(coursedir=coursedir, config=self.config)
        converter.force = True
        # nbgrader's autoflush note on a new student's first submission: harmless
        with warnings.catch_warnings():
            warnings.filterwarnings(
                "ignore", message=".* not in session, add operation along", category=SAWarning
            )
            converter.start()
