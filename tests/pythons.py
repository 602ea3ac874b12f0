"""Pythons other than the grading one, for tests that check what a newer Python reads or has."""

import os
import shutil
from pathlib import Path

from course.versions import COLAB

REPO = Path(__file__).resolve().parent.parent


def later_python(version: str) -> str:
    """The path of a Python `version` ("3.12") on this machine: .venv-colab's for Colab's, else pyenv's or one on
    PATH."""
    if version == COLAB["python"]:
        return str(REPO / ".venv-colab" / "bin" / "python")
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    found = sorted(pyenv.glob(f"versions/{version}.*/bin/python{version}")) or [
        Path(path) for path in [shutil.which(f"python{version}")] if path
    ]
    assert found, f"python{version} is missing: install it (pyenv install {version})"
    return str(found[-1])
