"""Each published notebook, with the reference answers in it as the released solutions have them, runs top to
bottom where the `course` package does not exist, as on Colab, with the pinned versions and with the oldest
supported jax and flax (.venv-oldest, `make env-oldest`)."""

import json
import sys
from pathlib import Path

import pytest

from course.build.contract import ASSIGNMENTS
from course.build.publish import SOLUTIONS
from tests.notebooks import errors, execute, read
from tests.test_build import blocked_course

REPO = Path(__file__).resolve().parent.parent
PYTHONS = {"pins": Path(sys.executable), "oldest": REPO / ".venv-oldest" / "bin" / "python"}


def kernel_for(python: Path, folder: Path) -> dict[str, str]:
    """Environment variables under which the kernel "python3" runs `python`."""
    spec = folder / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python 3",
                "language": "python",
            }
        )
    )
    return {"JUPYTER_PATH": str(folder)}


@pytest.mark.parametrize("versions", PYTHONS)
@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_published_solution_notebook_runs_without_course(
    tmp_path, with_solutions, assignment, versions
):
    """The solution notebook is the student notebook with the reference answers in it."""
    python = PYTHONS[versions]
    assert python.exists(), f"{python} is missing: run `make env-oldest`"
    solution = read(with_solutions / SOLUTIONS / assignment.id / assignment.notebook)
    folder = tmp_path / "empty"
    folder.mkdir()
    environment = {**blocked_course(tmp_path), **kernel_for(python, tmp_path / "jupyter")}
    filled = execute(solution, folder, environment)
    assert errors(filled) == []
    assert list(folder.iterdir()) == [], "the notebook wrote files into its folder"
    setup = next(cell for cell in filled.cells if cell.get("id") == "setup")
    report = next(o["text"] for o in setup.outputs if o.get("name") == "stdout")
    assert "WARNING" not in report, report
