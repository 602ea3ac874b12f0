"""The grading sandbox on its own: what code inside can and cannot reach."""

import json
import os
import socket
import subprocess
import sys
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
    workdir = course / "autograded" / "student" / "01_strides"
    workdir.mkdir(parents=True)
    workdir.chmod(0o777)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    argv = [sys.executable, "-c", PROBE, str(course / "gradebook.db"), str(course / "source" / "hidden.ipynb"),
            str(course / "planted.txt"), str(port)]
    result = subprocess.run(sandbox.sandbox_command(argv, workdir), capture_output=True, text=True, timeout=120)
    listener.close()
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), course, workdir


def test_course_files_are_out_of_reach(probe):
    outcome, course, _ = probe
    assert outcome["read_gradebook"] != "allowed"
    assert outcome["read_source"] != "allowed"
    assert outcome["write_course"] != "allowed" and not (course / "planted.txt").exists()


def test_own_folder_and_private_tmp_are_writable(probe):
    outcome, _, workdir = probe
    assert outcome["write_workdir"] == "allowed" and (workdir / "answer.txt").exists()
    assert outcome["write_tmp"] == "allowed" and not Path("/tmp/scratch.txt").exists()


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


def test_kernel_launcher_refuses_a_folder_it_did_not_prepare(tmp_path):
    connection = tmp_path / "kernel.json"
    connection.write_text(json.dumps({"transport": "ipc", "ip": str(tmp_path / "kernel")}))
    result = subprocess.run([sys.executable, "-m", "course.grading.sandbox", str(connection)],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "was not prepared" in result.stderr
    assert tmp_path.stat().st_uid == os.geteuid()
