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
result["environment"] = [os.path.isdir(sys.prefix), bool(os.statvfs(sys.prefix).f_flag & os.ST_RDONLY)]
result["capabilities"] = [line.split()[1] for line in open("/proc/self/status") if line.startswith(("CapPrm", "CapEff"))]
result["limits"] = {name: resource.getrlimit(getattr(resource, name))[0]
                    for name in ("RLIMIT_AS", "RLIMIT_CPU", "RLIMIT_NPROC", "RLIMIT_FSIZE")}
print(json.dumps(result))
'''


def run_cells(*sources: str, timeout: int = 60) -> list[str]:
    """Run `sources` as cells of one notebook in a grading kernel; return what each cell printed."""
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell, new_notebook

    notebook = new_notebook(cells=[new_code_cell(source) for source in sources])
    NotebookClient(notebook, kernel_name="python3", kernel_manager_class=sandbox.SandboxedKernelManager,
                   timeout=timeout, shutdown_kernel="immediate").execute()
    return ["".join(output.get("text", "") for output in cell.outputs) for cell in notebook.cells]


def this_process_zygote() -> sandbox.Zygote:
    """The zygote that forks this test process's grading kernels."""
    return sandbox._kernels_folder_and_zygote()[1][0]


@pytest.fixture(scope="module", params=["plain sandbox", "kernel from the zygote"])
def probe(request, tmp_path_factory):
    """What the probe script could do inside a scratch course, run in the sandbox or as a grading kernel's cell."""
    assert sandbox.available(), "bubblewrap and prlimit are needed: run `make sandbox`"
    course = tmp_path_factory.mktemp("course")
    (course / "gradebook.db").write_text("grades")
    (course / "source").mkdir()
    (course / "source" / "hidden.ipynb").write_text("hidden tests")
    private = tmp_path_factory.mktemp("private")
    private.chmod(0o777)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    arguments = [str(course / "gradebook.db"), str(course / "source" / "hidden.ipynb"), str(course / "planted.txt"),
                 str(port), str(course)]
    if request.param == "plain sandbox":
        result = subprocess.run(sandbox.sandbox_command([sys.executable, "-c", PROBE, *arguments], (private,)),
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        printed = result.stdout
    else:
        printed = run_cells(f"import sys\nsys.argv = {['probe', *arguments]!r}\nexec({PROBE!r})")[0]
    listener.close()
    return json.loads(printed), course, private


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


def test_kernels_forked_one_after_another_share_nothing():
    marker = f"left-behind-{os.getpid()}"
    stubborn = "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(300)"
    first = run_cells("import os\nopen('/tmp/note.txt', 'w').write('from the first kernel')\n"
                      f"import subprocess, sys\nsubprocess.Popen([sys.executable, '-c', {stubborn!r}, {marker!r}], "
                      "start_new_session=True)\nprint(os.getpid())")
    zygote = this_process_zygote()
    second = run_cells(
        "import ipykernel, os, pathlib\nfolder = os.path.dirname(ipykernel.get_connection_file())\n"
        "print(os.path.exists('/tmp/note.txt'), os.listdir(os.path.dirname(folder)) == [os.path.basename(folder)])\n"
        "def cmdline(entry):\n    try:\n        return entry.read_bytes()\n    except OSError:\n        return b''\n"
        f"print(any({marker!r}.encode() in cmdline(entry) for entry in pathlib.Path('/proc').glob('[0-9]*/cmdline')))")
    assert this_process_zygote() is zygote, "both kernels should come from the same zygote"
    assert first[0] == "2\n", "a forked kernel is the first process after its namespace's init"
    assert second[0] == "False True\nFalse\n", "the second kernel saw the first one's files, folder or process"


def test_a_kernel_can_name_no_process_outside_its_namespace_nor_read_one():
    run_cells("print('the zygote is started')")
    zygote = this_process_zygote()
    outcome = run_cells(
        "import os, pathlib, signal\nopened = []\n"  # /proc is the zygote's: it lists the zygote, and this kernel
        "for entry in pathlib.Path('/proc').glob('[0-9]*'):\n"
        "    if entry.name != os.readlink('/proc/self'):\n        try:\n            open(entry / 'mem', 'rb').close()\n"
        "            opened.append(entry.name)\n        except OSError:\n            pass\n"
        "named = []\nfor pid in range(1, 5000):  # a thread's id is no process's name: pidfd_open refuses it\n"
        "    try:\n        named.append((pid, os.pidfd_open(pid)))\n    except OSError:\n        pass\n"
        "for pid, handle in named:\n    if pid != os.getpid():\n        signal.pidfd_send_signal(handle, signal.SIGKILL)\n"
        "print('processes named:', [pid for pid, _ in named])\n"
        "print('memory opened:', opened)")
    assert outcome == ["processes named: [1, 2]\nmemory opened: []\n"], "only its namespace's init and itself"
    assert run_cells("print('still grading')") == ["still grading\n"]
    assert this_process_zygote() is zygote and zygote.process.poll() is None


def test_a_dead_zygote_is_replaced():
    run_cells("print('the zygote is started')")
    zygote = this_process_zygote()
    zygote.process.kill()
    zygote.process.wait()
    assert run_cells("print('graded anyway')") == ["graded anyway\n"]
    assert this_process_zygote() is not zygote


def test_a_second_kernel_at_once_starts_the_plain_way():
    import asyncio

    async def two_kernels() -> list[tuple[str, str]]:
        managers = [sandbox.SandboxedKernelManager(kernel_name="python3") for _ in range(2)]
        for manager in managers:
            await manager.start_kernel()
        try:
            launched = []
            for manager in managers:
                printed: list[str] = []
                client = manager.client()
                client.start_channels()
                await client.wait_for_ready(timeout=60)
                await client.execute_interactive("print(6 * 7)", timeout=60, output_hook=lambda message: printed.append(
                    message["content"].get("text", "")))
                client.stop_channels()
                launched.append((Path(manager.provisioner.process.args[0]).name, "".join(printed)))
            return launched
        finally:
            for manager in managers:
                await manager.shutdown_kernel(now=True)

    run_cells("print('the zygote is started')")
    launched = asyncio.run(two_kernels())
    assert launched == [("bash", "42\n"), ("bwrap", "42\n")], "the zygote's relay, then a plain sandbox"


def test_where_kernels_cannot_be_isolated_they_start_the_plain_way(monkeypatch, tmp_path, caplog):
    program = tmp_path / "zygote.py"
    program.write_text(sandbox.Zygote.PROGRAM.read_text().replace('\nif __name__ == "__main__":', (
        '\ndef isolate(folder):\n    raise PermissionError(1, "no user namespaces on this machine")\n'
        '\n\nif __name__ == "__main__":')))
    monkeypatch.setattr(sandbox.Zygote, "PROGRAM", program)
    monkeypatch.setattr(sandbox, "_PER_PROCESS", {})
    assert run_cells("import sys\nprint('torch' in sys.modules)") == ["False\n"], "only the zygote preloads torch"
    assert "no user namespaces on this machine" in this_process_zygote().refusal
    assert "plain way" in caplog.text
    assert run_cells("print('still graded')") == ["still graded\n"]


def test_a_grader_that_dies_leaves_no_zygote_and_no_kernel(tmp_path):
    grader = tmp_path / "grader.py"
    grader.write_text(
        "import sys\nfrom nbclient import NotebookClient\nfrom nbformat.v4 import new_code_cell, new_notebook\n"
        "from course.grading import sandbox\n"
        "print(sandbox._kernels_folder_and_zygote()[0], flush=True)\n"
        "notebook = new_notebook(cells=[new_code_cell('import time\\ntime.sleep(300)')])\n"
        "NotebookClient(notebook, kernel_name='python3', kernel_manager_class=sandbox.SandboxedKernelManager,"
        " timeout=600).execute()\n")
    process = subprocess.Popen([sys.executable, str(grader)], stdout=subprocess.PIPE, text=True)
    folder = process.stdout.readline().strip()

    def running() -> int:
        count = 0
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                count += folder.encode() in cmdline.read_bytes()
            except OSError:
                pass  # the process ended while we looked
        return count

    deadline = time.monotonic() + 120
    while running() < 5 and time.monotonic() < deadline:  # bwrap, the zygote, and a kernel with its two parents
        time.sleep(0.2)
    assert running() >= 5, "the kernel never started"
    time.sleep(1)
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while running() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running() == 0
