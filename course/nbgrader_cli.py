"""Running nbgrader from the course's environment, and reading the course's nbgrader settings."""

import os
import subprocess
import sys
from pathlib import Path

from traitlets.config import Config, PyFileConfigLoader

BIN = Path(sys.executable).parent


def nbgrader(
    root: Path, *args: str, env: dict[str, str] | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess:
    """Run `nbgrader ARGS` in the course folder `root`, with this environment's programs first on PATH.

    nbgrader calls `alembic` from PATH to create or migrate the gradebook.
    """
    env = dict(os.environ if env is None else env)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(
        [str(BIN / "nbgrader"), *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def course_config(root: Path) -> Config:
    """The settings in the course's nbgrader_config.py, as nbgrader reads them."""
    return PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()


def gradebook_url(root: Path) -> str:
    """The course's gradebook (SQLite by default, or what GRADEBOOK names, e.g. a PostgreSQL URL)."""
    return course_config(root).CourseDirectory.db_url
