"""Running nbgrader's command line from the course's environment."""

import os
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def nbgrader(root: Path, *args: str, env: dict[str, str] | None = None,
             timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run `nbgrader ARGS` in the course folder `root`, with this environment's programs first on PATH.

    nbgrader calls `alembic` from PATH to create or migrate the gradebook.
    """
    env = dict(os.environ if env is None else env)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run([str(BIN / "nbgrader"), *args], cwd=root, capture_output=True, text=True, env=env,
                          timeout=timeout)
