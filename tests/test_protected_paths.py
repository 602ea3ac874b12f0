"""Every way an instructor grades is protected the same way: plain `nbgrader autograde` and formgrader's button.

A scratch course with 01_strides is graded by nbgrader itself, with no help from `make autograde`,
in a batch that holds a cheat writing the gradebook from its kernel. Then formgrader's Autograde
endpoint is called over HTTP on a real Jupyter server bound to loopback.
"""

import json
import os
import socket
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from course.build.cells import grade_id, reference_answers, submission
from course.build.contract import ASSIGNMENTS
from course.build.release import build
from course.nbgrader_cli import BIN, nbgrader
from tests.notebooks import read

REPO = Path(__file__).resolve().parent.parent
STRIDES = ASSIGNMENTS[0]
TRACE_CHEAT = "def as_strided_trace(mat):\n    return torch.trace(mat)\n"


def writer(gradebook: Path) -> str:
    """A warm-up answer, right, that then tries to write the gradebook with calls the policy allows."""
    return (
        "first_row = ((5,), (1,))\nfirst_column = ((4,), (5,))\ndiagonal = ((4,), (6,))\n"
        "first_row_three_times = ((3, 5), (0, 1))\nevery_other_row = ((2, 5), (10, 1))\n"
        "top_left_block = ((2, 3), (5, 1))\nfirst_column_three_times = ((4, 3), (5, 0))\n"
        f"torch.save({{'everyone': 'full marks'}}, {str(gradebook)!r})\n"
    )


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """A scratch course with 01_strides built and four submissions: right, blank, a cheat, a gradebook writer."""
    root = tmp_path_factory.mktemp("protected")
    (root / "source").mkdir()
    subprocess.run(
        ["cp", "-r", str(REPO / "source" / STRIDES.id), str(root / "source")], check=True
    )
    (root / "nbgrader_config.py").write_text((REPO / "nbgrader_config.py").read_text())
    assert build(root, STRIDES.id) == []
    release, answers = (
        read(STRIDES.path(root / "release")),
        reference_answers(read(STRIDES.path(root / "source"))),
    )
    students = {
        "reference": answers,
        "blank": {},
        "cheat": {**answers, "as_strided_trace": TRACE_CHEAT},
        "writer": {**answers, "warmup": writer(root / "gradebook.db")},
    }
    for student, chosen in students.items():
        path = root / "submitted" / student / STRIDES.id / STRIDES.notebook
        path.parent.mkdir(parents=True)
        nbformat.write(submission(release, chosen), path)
    return root


def scores(root: Path, student: str) -> dict[str, float]:
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        notebook = gradebook.find_submission_notebook(
            Path(STRIDES.notebook).stem, STRIDES.id, student
        )
        return {grade.name: grade.score for grade in notebook.grades}


def graded_cell(root: Path, student: str, gid: str) -> nbformat.NotebookNode:
    graded = read(root / "autograded" / student / STRIDES.id / STRIDES.notebook)
    return next(cell for cell in graded.cells if grade_id(cell) == gid)


FULL = {
    "test_warmup": 3.0,
    "test_as_strided_trace": 2.0,
    "test_as_strided_mv": 3.0,
    "test_as_strided_mm": 3.0,
}


def test_plain_nbgrader_autograde_runs_the_protected_path(course):
    result = nbgrader(course, "autograde", STRIDES.id, "--force", timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert scores(course, "reference") == FULL
    assert scores(course, "blank") == dict.fromkeys(FULL, 0.0)
    assert scores(course, "cheat") == {**FULL, "test_as_strided_trace": 0.0}
    assert scores(course, "writer") == FULL, "the writer's own (right) answers keep their points"
    with sqlite3.connect(course / "gradebook.db") as database:
        assert database.execute("select count(*) from student").fetchone()[0] == 4
    told = graded_cell(course, "cheat", "test_as_strided_trace").outputs[0]["evalue"]
    assert "called PyTorch's trace (aten::trace)" in told
    attempt = graded_cell(course, "writer", "warmup").outputs
    assert any(output.get("output_type") == "error" for output in attempt), (
        "the write should have failed"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_formgraders_autograde_button_runs_the_protected_path(course):
    port, token = free_port(), "course-test-token"
    server = subprocess.Popen(
        [
            str(BIN / "jupyter"),
            "server",
            "--no-browser",
            "--allow-root",
            f"--ServerApp.port={port}",
            "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={course}",
            "--ServerApp.jpserver_extensions={'nbgrader.server_extensions.formgrader': True}",
        ],
        cwd=course,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            assert server.poll() is None, server.stderr.read()[-3000:]
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        for student in ("cheat", "reference"):
            request = urllib.request.Request(
                f"{base}/formgrader/api/submission/{STRIDES.id}/{student}/autograde",
                data=b"",
                method="POST",
                headers={"Authorization": f"token {token}"},
            )
            reply = json.loads(urllib.request.urlopen(request, timeout=600).read())
            assert reply["success"], (reply.get("log") or "")[-3000:] + str(
                reply.get("error", reply)
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert scores(course, "cheat") == {**FULL, "test_as_strided_trace": 0.0}
    assert scores(course, "reference") == FULL
    verdict = graded_cell(course, "cheat", "test_as_strided_trace").outputs
    assert len(verdict) == 1 and "called PyTorch's trace (aten::trace)" in verdict[0]["evalue"]
