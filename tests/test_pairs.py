"""Each source notebook and its MyST Markdown twin hold the same cells, and nothing ships the twin."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from course.build.contract import ASSIGNMENTS
from course.build.pairs import out_of_sync, twin

REPO = Path(__file__).resolve().parent.parent
STRIDES = ASSIGNMENTS[0]


def test_every_source_notebook_agrees_with_its_twin():
    assert out_of_sync(REPO) == [], "run `make sync` and commit both files"


def drifted_course(root: Path, edit: str) -> Path:
    """A course at `root` with 01's pair, one file of which is edited (`edit`: "twin" or "notebook")."""
    folder = root / "source" / STRIDES.id
    folder.mkdir(parents=True)
    notebook = folder / STRIDES.notebook
    shutil.copy(REPO / "source" / STRIDES.id / STRIDES.notebook, notebook)
    shutil.copy(twin(REPO / "source" / STRIDES.id / STRIDES.notebook), twin(notebook))
    shutil.copy(REPO / "source" / "jupytext.toml", root / "source")
    if edit == "twin":
        text = twin(notebook).read_text()
        twin(notebook).write_text(text.replace("for name, view in", "for label, view in", 1))
    else:
        data = json.loads(notebook.read_text())
        grade = next(c for c in data["cells"] if c["metadata"].get("nbgrader", {}).get("points"))
        grade["metadata"]["nbgrader"]["points"] += 1
        notebook.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    return root


@pytest.mark.parametrize("edit", ["twin", "notebook"])
def test_a_drifted_pair_is_named_with_the_file_to_regenerate(tmp_path, edit):
    root = drifted_course(tmp_path, edit)
    (problem,) = [p for p in out_of_sync(root) if STRIDES.id in p]
    older = "strides.ipynb" if edit == "twin" else "strides.md"
    assert "differs" in problem and f"{STRIDES.id}/{older} is older" in problem, problem


def test_make_release_refuses_a_drifted_pair_and_builds_nothing(tmp_path):
    root = drifted_course(tmp_path, "twin")
    shutil.copy(REPO / "nbgrader_config.py", root)
    result = subprocess.run(
        [sys.executable, "-m", "course.build.release", "--root", str(root)],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert result.returncode == 1 and "make sync" in result.stderr, result.stderr
    assert not (root / "release").exists()


def test_make_sync_brings_a_pair_together(tmp_path):
    root = drifted_course(tmp_path, "twin")
    notebook = root / "source" / STRIDES.id / STRIDES.notebook
    subprocess.run(
        [Path(sys.executable).parent / "jupytext", "--sync", "-q", str(notebook)], check=True
    )
    assert out_of_sync(root) == [] and "for label, view in" in notebook.read_text()


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_a_fresh_build_ships_no_twin(scratch_course, assignment):
    built = sorted(path.name for path in (scratch_course / "release" / assignment.id).iterdir())
    assert built == [assignment.notebook]
