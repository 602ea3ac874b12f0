"""The grading sandbox on its own: what code inside can and cannot reach, and the kernels started in it."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from course.grading import sandbox

PROBE = r'''
import json, os, resource, socket, sys
result = {"uid": os.getuid()}
def attempt(name, action):
    try:
        action()
        result[name] = "allowed"
    except Exception as error:
        result[name] = type(error).__name__
attempt("read_gradebook", lambda: open(sys.argv[1]).read())
attempt("read_source", lambda: open(sys.argv[2]).read())
attempt("write_course", lambda: open(sys.argv[3], "w").write("x"))
attempt("write_workdir", lambda: open("answer.txt", "w").write("x"))
attempt("see_course", lambda: os.listdir(sys.argv[5]))
attempt("write_tmp", lambda: open("/tmp/scratch.txt", "w").write("x"))
attempt("connect", lambda: socket.create_connection(("127.0.0.1", int(sys.argv[4])), timeout=2))
attempt("allocate_8GiB", lambda: bytearray(8 * 2**30))
result["limits"] = {name: resource.getrlimit(getattr(resource, name))[0]
                    for name in ("RLIMIT_AS", "RLIMIT_CPU", "RLIMIT_NPROC", "RLIMIT_FSIZE")}
print(json.dumps(result))
'''


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    """What the probe script could do from a submission's folder inside a scratch course."""
    assert sandbox.available(), "bubblewrap and prlimit are needed: run `make sandbox`"
    course = tmp_path_factory.mktemp("course")
    (course / "gradebook.db").write_text("grades")
    (course / "source").mkdir()
    (course / "source" / "hidden.ipynb").write_text("hidden tests")
    private = tmp_path_factory.mktemp("private")
    private.chmod(0o777)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    argv = [sys.executable, "-c", PROBE, str(course / "gradebook.db"), str(course / "source" / "hidden.ipynb"),
            str(course / "planted.txt"), str(port), str(course)]
    result = subprocess.run(sandbox.sandbox_command(argv, (private,)), capture_output=True, text=True, timeout=120)
    listener.close()
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), course, private


def test_course_files_are_out_of_reach(probe):
    outcome, course, _ = probe
    assert outcome["see_course"] != "allowed"
    assert outcome["read_gradebook"] != "allowed"
    assert outcome["read_source"] != "allowed"
    assert outcome["write_course"] != "allowed" and not (course / "planted.txt").exists()


def test_the_working_folder_is_a_private_tmp_that_vanishes(probe):
    outcome, _, private = probe
    assert outcome["write_workdir"] == "allowed" and outcome["write_tmp"] == "allowed"
    assert not Path("/tmp/scratch.txt").exists() and not (private / "answer.txt").exists()


def test_no_network_even_to_this_machine(probe):
    assert probe[0]["connect"] != "allowed"


def test_limits_hold(probe):
    outcome = probe[0]
    limits = sandbox.Limits()
    assert outcome["allocate_8GiB"] == "MemoryError"
    assert outcome["limits"]["RLIMIT_AS"] == limits.memory_bytes
    assert outcome["limits"]["RLIMIT_CPU"] == limits.cpu_seconds
    assert outcome["limits"]["RLIMIT_FSIZE"] == limits.file_bytes
    if os.geteuid() == 0:
        assert outcome["uid"] == sandbox.NOBODY
        assert outcome["limits"]["RLIMIT_NPROC"] == limits.processes


def test_a_kernel_runs_in_the_sandbox(tmp_path):
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell, new_notebook

    (tmp_path / "gradebook.db").write_text("grades")
    notebook = new_notebook(cells=[new_code_cell(
        "import os\nprint(os.getcwd(), os.getuid(), os.path.exists(%r))" % str(tmp_path / "gradebook.db"))])
    client = NotebookClient(notebook, kernel_name="python3", kernel_manager_class=sandbox.SandboxedKernelManager,
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    cwd, uid, sees_gradebook = notebook.cells[0].outputs[0]["text"].split()
    assert cwd == "/tmp" and sees_gradebook == "False"
    assert int(uid) == (sandbox.NOBODY if os.geteuid() == 0 else os.geteuid())


def test_a_cell_that_runs_too_long_is_interrupted_and_the_kernel_lives_on(tmp_path):
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell, new_notebook

    notebook = new_notebook(cells=[new_code_cell("while True:\n    pass"), new_code_cell("print('still here')")])
    client = NotebookClient(notebook, kernel_name="python3", kernel_manager_class=sandbox.SandboxedKernelManager,
                            timeout=5, allow_errors=True, interrupt_on_timeout=True,
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    assert notebook.cells[1].outputs[0]["text"] == "still here\n"


def test_without_bubblewrap_no_kernel_starts_unconfined(monkeypatch):
    monkeypatch.setattr(sandbox, "available", lambda: False)
    manager = sandbox.SandboxedKernelManager(kernel_name="python3")
    with pytest.raises(sandbox.SandboxUnavailable, match="bubblewrap"):
        manager.format_kernel_cmd([])


def test_a_graded_notebook_leaves_nothing_running(tmp_path):
    from nbformat.v4 import new_code_cell, new_notebook

    from course.grading.execute import SandboxedExecute

    marker = f"left-running-{os.getpid()}"
    stubborn = "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(300)"
    notebook = new_notebook(cells=[new_code_cell(
        f"import subprocess, sys\nsubprocess.Popen([sys.executable, '-c', {stubborn!r}, {marker!r}], "
        f"start_new_session=True)\nprint('started')")])
    SandboxedExecute(timeout=60).preprocess(notebook, {"metadata": {"path": str(tmp_path)}})
    assert notebook.cells[0].outputs[0]["text"] == "started\n"

    def running() -> list[str]:
        found = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                if marker.encode() in cmdline.read_bytes():
                    found.append(cmdline.parent.name)
            except OSError:
                pass  # the process ended while we looked
        return found

    deadline = time.monotonic() + 10  # a killed process may take a moment to be reaped
    while running() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running() == []
