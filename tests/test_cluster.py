"""Grading a cohort on a real Dask cluster with a real PostgreSQL gradebook: the same grades, nothing lost or doubled.

A throwaway PostgreSQL server (Debian's, `make database`) is made with initdb in a temporary folder and
listens on a loopback port; a Dask LocalCluster runs two worker processes talking TCP on loopback.
The batch holds right, blank, wrong and cheating answers and broken files, in two assignments.
"""

import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import pytest
from distributed import LocalCluster

from course.build.cells import reference_answers, submission
from course.build.contract import find_assignment
from course.grading import store
from course.grading.autograde import Options, grade_all, ledger_path, read_ledger
from course.grading.report import scores
from tests.conftest import scratch_copy, write_submission
from tests.notebooks import read

STRIDES, MAXPOOL = find_assignment("01_strides"), find_assignment("06_maxpool")
CHEATS = {
    STRIDES: ("as_strided_trace", "def as_strided_trace(mat):\n    return torch.trace(mat)\n"),
    MAXPOOL: (
        "maxpool2d",
        "def maxpool2d(x, kernel_size, stride=None, padding=0):\n"
        "    return torch.nn.functional.max_pool2d(x, kernel_size, stride, padding)\n",
    ),
}
WRONG = "def as_strided_trace(mat):\n    n = mat.shape[0]\n    return torch.as_strided(mat, (n,), (n + 1,)).sum()\n"


def fill(root: Path) -> list[tuple[str, str]]:
    """Submissions of every kind in both assignments; returns (student, assignment) for each."""
    made = []
    for assignment in (STRIDES, MAXPOOL):
        release, answers = (
            read(assignment.path(root / "release")),
            reference_answers(read(assignment.path(root / "source"))),
        )
        exercise, cheat = CHEATS[assignment]
        students = {"right": answers, "blank": {}, "cheat": {**answers, exercise: cheat}}
        if assignment == STRIDES:
            students["wrong"] = {**answers, "as_strided_trace": WRONG}
        for student, chosen in students.items():
            write_submission(
                root,
                student,
                assignment,
                assignment.notebook,
                nbformat.writes(submission(release, chosen)),
            )
            made.append((student, assignment.id))
    write_submission(root, "broken", STRIDES, STRIDES.notebook, "{not json")
    write_submission(
        root,
        "renamed",
        STRIDES,
        "strides (1).ipynb",
        nbformat.writes(
            submission(
                read(STRIDES.path(root / "release")),
                reference_answers(read(STRIDES.path(root / "source"))),
            )
        ),
    )
    return made + [("broken", STRIDES.id), ("renamed", STRIDES.id)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def postgres():
    """The URL of a throwaway PostgreSQL database on a loopback port, removed afterwards."""
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    assert binaries, "PostgreSQL is not installed: run `make database`"
    bin_dir, folder, port = (
        Path(binaries[-1]),
        Path(tempfile.mkdtemp(prefix="gradebook-db-")),
        free_port(),
    )
    as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    subprocess.run(
        [*as_owner, bin_dir / "initdb", "-D", data, "-U", "grader", "--auth=trust"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *as_owner,
            bin_dir / "pg_ctl",
            "-D",
            data,
            "-l",
            folder / "log",
            "-w",
            "-o",
            f"-h 127.0.0.1 -p {port} -k {folder}",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            [bin_dir / "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "grader", "gradebook"],
            check=True,
            capture_output=True,
        )
        yield f"postgresql://grader@127.0.0.1:{port}/gradebook"
    finally:
        subprocess.run(
            [*as_owner, bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def local_run(tmp_path_factory) -> tuple[Path, dict]:
    """The batch graded the default way: local worker processes, SQLite gradebook."""
    root = scratch_copy(tmp_path_factory.mktemp("local"), STRIDES, MAXPOOL)
    made = fill(root)
    summary = grade_all(root, Options(exercise_timeout=60, workers=2))
    assert summary.failed == [] and summary.graded == len(made), summary
    return root, scores(root)


def test_dask_cluster_with_a_postgres_gradebook_grades_as_the_local_run(
    tmp_path, monkeypatch, postgres, local_run
):
    _, expected = local_run
    assert expected[("cheat", STRIDES.id, "test_as_strided_trace")] == 0
    assert (
        expected[("right", MAXPOOL.id, "test_maxpool2d")] == 3
        and expected[("cheat", MAXPOOL.id, "test_maxpool2d")] == 0
    )
    monkeypatch.setenv("GRADEBOOK", postgres)
    root = scratch_copy(tmp_path / "cluster", STRIDES, MAXPOOL)
    made = fill(root)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        summary = grade_all(root, Options(exercise_timeout=60, scheduler=cluster.scheduler_address))
    assert summary.failed == [] and summary.graded == len(made)
    assert not (root / "gradebook.db").exists(), "the gradebook should be in PostgreSQL"
    assert scores(root) == expected  # read through GRADEBOOK, from PostgreSQL


def test_dask_worker_killed_mid_batch_loses_nothing_and_grades_nothing_twice(
    tmp_path, monkeypatch, local_run
):
    _, expected = local_run
    root = scratch_copy(tmp_path / "course", STRIDES, MAXPOOL)
    made = fill(root)
    recorded: list[tuple[str, str]] = []
    original = store.Store.record

    def counting(self, student, assignment, notebook_name, notebook):
        recorded.append((student, assignment))
        return original(self, student, assignment, notebook_name, notebook)

    monkeypatch.setattr(store.Store, "record", counting)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        killed: list[int] = []

        def kill_a_busy_worker() -> None:
            scheduler = cluster.scheduler
            for _ in range(600):
                busy = [w for w in scheduler.workers.values() if w.processing]
                if busy:
                    os.kill(busy[0].pid, signal.SIGKILL)
                    killed.append(busy[0].pid)
                    return
                time.sleep(0.1)

        killer = threading.Thread(target=kill_a_busy_worker)
        killer.start()
        summary = grade_all(root, Options(exercise_timeout=60, scheduler=cluster.scheduler_address))
        killer.join()
    assert killed, "no worker was ever busy: the test killed nothing"
    assert summary.failed == [] and summary.graded == len(made)
    assert sorted(recorded) == sorted(made), "each submission must be recorded exactly once"
    assert all(read_ledger(ledger_path(root, *key)).status == "graded" for key in made)
    assert scores(root) == expected
