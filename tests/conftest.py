"""Shared fixtures and helpers: scratch copies of the course, with student versions built and submissions in them."""

import shutil
from pathlib import Path

import pytest

from course.build.contract import ASSIGNMENTS, Assignment
from course.build.release import build

REPO = Path(__file__).resolve().parent.parent


def scratch_copy(root: Path, *assignments: Assignment) -> Path:
    """A course at `root` with these assignments' sources (all if none given), release/ and gradebook built."""
    if assignments:
        for assignment in assignments:
            shutil.copytree(REPO / "source" / assignment.id, root / "source" / assignment.id)
    else:
        shutil.copytree(REPO / "source", root / "source")
    shutil.copy(REPO / "nbgrader_config.py", root)
    problems = [
        problem for assignment in assignments for problem in build(root, assignment.id)
    ] or ([] if assignments else build(root))
    assert problems == []
    return root


def write_submission(
    root: Path, student: str, assignment: Assignment, name: str, content: str
) -> None:
    """Put one file of a student's submission where `nbgrader collect` would."""
    path = root / "submitted" / student / assignment.id / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content)


@pytest.fixture(scope="session")
def scratch_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of source/ and nbgrader_config.py with release/ and gradebook.db built by `make release`'s code."""
    return scratch_copy(tmp_path_factory.mktemp("course"))


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The student repository as `make publish` writes it from this course."""
    from course.build.publish import publish

    dest = tmp_path_factory.mktemp("student-repository")
    assert publish(REPO, dest) is not None
    return dest


@pytest.fixture(scope="session")
def with_solutions(published: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the student repository after `make publish-solutions` released every assignment's."""
    from course.build.solutions import publish_solutions

    dest = tmp_path_factory.mktemp("after-the-deadline") / "repository"
    shutil.copytree(published, dest)
    assert publish_solutions(REPO, dest, list(ASSIGNMENTS)) is not None
    return dest
