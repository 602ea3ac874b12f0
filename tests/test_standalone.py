"""Each student notebook runs top to bottom where the `course` package does not exist, as on Colab."""

from pathlib import Path

import pytest

from course.build.contract import ASSIGNMENTS
from tests.notebooks import errors, execute, read, reference_answers, submission
from tests.test_build import blocked_course

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_release_with_reference_answers_runs_without_course(tmp_path, assignment):
    source, release = read(assignment.path(REPO / "source")), read(assignment.path(REPO / "release"))
    folder = tmp_path / "empty"
    folder.mkdir()
    filled = execute(submission(release, reference_answers(source)), folder, blocked_course(tmp_path))
    assert errors(filled) == []
    assert list(folder.iterdir()) == [], "the notebook wrote files into its folder"
