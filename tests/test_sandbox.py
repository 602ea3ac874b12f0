"""The grading sandbox on its own: what code inside can and cannot reach, and the processes started in it."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from course.grading import sandbox

PROBE = r"""
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
result["environment"] = [os.path.isdir(sys.prefix), bool(os.statvfs(sys.prefix).f_flag & os.ST_RDONLY)]
result["capabilities"] = [line.split()[1] for line in open("/proc/self/status")
                          if line.startswith(("CapPrm", "CapEff"))]
result["limits"] = {name: resource.getrlimit(getattr(resource, name))[0]
                    for name in ("RLIMIT_AS", "RLIMIT_CPU", "RLIMIT_NPROC", "RLIMIT_FSIZE")}
print(json.dumps(result))
"""


def this_process_zygote() -> sandbox.Zygote:
    """The zygote that forks this test process's grading processes."""
    return sandbox._processes_folder_and_zygote()[1][0]


def printed(program: str, timeout: int = 120) -> str:
    """What a trusted program printed, run as a grading process is."""
    finished = sandbox.run_trusted_program(program, timeout)
    return b"\n".join(finished.lines).decode() + ("\n" if finished.lines else "")


@pytest.fixture(scope="module", params=["plain sandbox", "process from the zygote"])
def probe(request, tmp_path_factory):
    """What the probe script could do inside a scratch course, run in the sandbox or as a grading process."""
    assert sandbox.available(), "bubblewrap and prlimit are needed: run `make sandbox`"
    course = tmp_path_factory.mktemp("course")
    (course / "gradebook.db").write_text("grades")
    (course / "source").mkdir()
    (course / "source" / "hidden.ipynb").write_text("hidden tests")
    private = tmp_path_factory.mktemp("private")
    private.chmod(0o777)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    arguments = [
        str(course / "gradebook.db"),
        str(course / "source" / "hidden.ipynb"),
        str(course / "planted.txt"),
        str(port),
        str(course),
    ]
    if request.param == "plain sandbox":
        result = subprocess.run(
            sandbox.sandbox_command([sys.executable, "-c", PROBE, *arguments], (private,)),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        output = result.stdout
    else:
        output = printed(f"import sys\nsys.argv = {['probe', *arguments]!r}\nexec({PROBE!r})")
    listener.close()
    return json.loads(output), course, private


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


def test_the_python_environment_is_there_and_read_only(probe):
    assert probe[0]["environment"] == [True, True]


def test_no_capabilities_are_left(probe):
    assert probe[0]["capabilities"] == ["0000000000000000", "0000000000000000"]


def test_a_grading_process_runs_in_the_sandbox(tmp_path):
    (tmp_path / "gradebook.db").write_text("grades")
    cwd, uid, sees_gradebook = printed(
        f"import os\nprint(os.getcwd(), os.getuid(), os.path.exists({str(tmp_path / 'gradebook.db')!r}))"
    ).split()
    assert cwd == "/tmp" and sees_gradebook == "False"
    assert int(uid) == (sandbox.NOBODY if os.geteuid() == 0 else os.geteuid())


def test_a_process_that_runs_too_long_is_killed_and_the_next_one_runs():
    finished = sandbox.run_trusted_program("while True:\n    pass", timeout=5)
    assert finished.timed_out and finished.status is None
    assert printed("print('still here')") == "still here\n"


def test_without_bubblewrap_no_process_starts_unconfined(monkeypatch):
    monkeypatch.setattr(sandbox, "available", lambda: False)
    with pytest.raises(sandbox.SandboxUnavailable, match="bubblewrap"):
        sandbox.run_grading_process({}, timeout=10)


def running(marker: str) -> list[str]:
    """The processes whose command line holds `marker`."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if marker.encode() in cmdline.read_bytes():
                found.append(cmdline.parent.name)
        except OSError:
            pass  # the process ended while we looked
    return found


def test_a_grading_process_leaves_nothing_running():
    marker = f"left-running-{os.getpid()}"
    stubborn = "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(300)"
    assert (
        printed(
            f"import subprocess, sys\nsubprocess.Popen([sys.executable, '-c', {stubborn!r}, {marker!r}], "
            f"start_new_session=True)\nprint('started')"
        )
        == "started\n"
    )
    deadline = time.monotonic() + 10  # a killed process may take a moment to be reaped
    while running(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running(marker) == []


def test_processes_forked_one_after_another_share_nothing():
    first = printed(
        "import os\nopen('/tmp/note.txt', 'w').write('from the first process')\nprint(os.getpid())"
    )
    zygote = this_process_zygote()
    folder = sandbox._processes_folder_and_zygote()[0]
    second = printed(
        f"import os\nprint(os.path.exists('/tmp/note.txt'), os.listdir({str(folder)!r}))"
    )
    assert this_process_zygote() is zygote, "both processes should come from the same zygote"
    assert first == "2\n", "a forked process is the first after its namespace's init"
    seen, siblings = second.split(" ", 1)
    assert seen == "False", "the second process saw the first one's files"
    assert len(eval(siblings)) == 1, f"the second process saw other processes' folders: {siblings}"


def test_a_process_can_name_no_process_outside_its_namespace_nor_read_one():
    printed("print('the zygote is started')")
    zygote = this_process_zygote()
    outcome = printed(
        # /proc is the zygote's: it lists the zygote, and this process
        "import os, pathlib, signal\nopened = []\n"
        "for entry in pathlib.Path('/proc').glob('[0-9]*'):\n"
        "    if entry.name != os.readlink('/proc/self'):\n        try:\n            open(entry / 'mem', 'rb').close()\n"
        "            opened.append(entry.name)\n        except OSError:\n            pass\n"
        "named = []\nfor pid in range(1, 5000):  # a thread's id is no process's name: pidfd_open refuses it\n"
        "    try:\n        named.append((pid, os.pidfd_open(pid)))\n    except OSError:\n        pass\n"
        "for pid, handle in named:\n    if pid != os.getpid():\n"
        "        signal.pidfd_send_signal(handle, signal.SIGKILL)\n"
        "print('processes named:', [pid for pid, _ in named])\n"
        "print('memory opened:', opened)"
    )
    assert outcome == "processes named: [1, 2]\nmemory opened: []\n", (
        "only its namespace's init and itself"
    )
    assert printed("print('still grading')") == "still grading\n"
    assert this_process_zygote() is zygote and zygote.process.poll() is None


def test_a_dead_zygote_is_replaced():
    printed("print('the zygote is started')")
    zygote = this_process_zygote()
    zygote.process.kill()
    zygote.process.wait()
    assert printed("print('graded anyway')") == "graded anyway\n"
    assert this_process_zygote() is not zygote


def test_a_second_process_at_once_starts_the_plain_way():
    printed("print('the zygote is started')")
    zygote = this_process_zygote()
    with zygote.lock:  # another thread's process holds the zygote
        assert printed("import sys\nprint('torch' in sys.modules)") == "True\n"
    assert this_process_zygote() is zygote


def test_where_processes_cannot_be_isolated_they_start_the_plain_way(monkeypatch, caplog):
    program = sandbox.Zygote.PROGRAM.read_text().replace(
        '\nif __name__ == "__main__":',
        (
            '\ndef isolate(folder):\n    raise PermissionError(1, "no user namespaces on this machine")\n'
            '\n\nif __name__ == "__main__":'
        ),
    )
    monkeypatch.setattr(
        sandbox.Zygote, "PROGRAM", type("Program", (), {"read_text": lambda self: program})()
    )
    monkeypatch.setattr(sandbox, "_PER_PROCESS", {})
    assert printed("print('graded alone')") == "graded alone\n"
    assert "no user namespaces on this machine" in this_process_zygote().refusal
    assert "plain way" in caplog.text


def test_a_grader_that_dies_leaves_no_zygote_and_no_process(tmp_path):
    grader = tmp_path / "grader.py"
    grader.write_text(
        "from course.grading import sandbox\n"
        "print(sandbox._processes_folder_and_zygote()[0], flush=True)\n"
        "sandbox.run_trusted_program('import time\\ntime.sleep(300)', timeout=600)\n"
    )
    process = subprocess.Popen([sys.executable, str(grader)], stdout=subprocess.PIPE, text=True)
    folder = process.stdout.readline().strip()

    deadline = time.monotonic() + 120
    # bwrap, the zygote, a process and its parents
    while len(running(folder)) < 5 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(running(folder)) >= 5, "the process never started"
    time.sleep(1)
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while running(folder) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running(folder) == []
