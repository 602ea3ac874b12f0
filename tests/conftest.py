"""Shared fixtures: a scratch copy of the course with its student versions built."""

import shutil
from pathlib import Path

import pytest

from course.build.release import build

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def scratch_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of source/ and nbgrader_config.py with release/ and gradebook.db built by `make release`'s code."""
    root = tmp_path_factory.mktemp("course")
    shutil.copytree(REPO / "source", root / "source")
    shutil.copy(REPO / "nbgrader_config.py", root)
    problems = build(root)
    assert problems == []
    return root
