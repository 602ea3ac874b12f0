"""The zygote: a process in the grading sandbox that imports the libraries once and forks each grading process.

Every exercise of every submission is graded in a fresh process of its own (`course.kernel.process`).
Starting Python and importing torch, JAX and Flax takes seconds; forking a process that did so takes
milliseconds. `course.grading.sandbox` starts the zygote in the sandbox with `python -c` and this
file's source, so it may import only the standard library and the libraries it preloads: the
sandbox does not show the course. The course's kernel-side modules come as sources, in the first
message.

Each process it forks is cut off from the zygote and from every other process before any student
code runs, by namespaces of its own: a new user namespace with no capabilities left, a private
empty /tmp that shows only its own folder, no network, and a PID namespace in which no other process
can be named. Its user namespace is a child of the zygote's, so it cannot trace, or read the memory
of, anything outside it; the zygote is not dumpable either. The zygote never runs a line of a
submission: it only forks.

Protocol, over the Unix socket that is its standard input. The grader first sends the kernel-side
modules, {"modules": {name: source}}; once it has installed them and preloaded the libraries, the
zygote says "ready", or "unavailable:" and why, if this machine does not let it isolate a process
(it tries, with its one argument, an empty folder beside the processes' folders). Then each request
is one JSON object {"folder", "environment", "job"} with one file descriptor, the process's *line*:
the grading process writes its results on it, and the zygote then writes its exit status and closes
it. When the grader closes its end (time is up), the zygote kills the process with its whole PID
namespace. Requests are served one after the other. When the grader hangs up, whatever runs is
killed and the zygote exits: its life is the grader's, not a thread's.

A request may carry a trusted "program" instead of a "job": the tests use it to see what a grading
process can reach. `--one` runs a single grading process in this process instead (where processes
cannot be isolated): the modules and the request come as two JSON lines on standard input, and the
line is standard output.
"""

import ctypes
import importlib
import json
import os
import re
import select
import signal
import socket
import sys
import types
from typing import Any

# What grading processes use, and what the libraries load lazily the first time they compute (MLIR's dialects).
PRELOADED = (
    "numpy",
    "torch",
    "torch.nn.functional",
    "jax",
    "jax.numpy",
    "jax.lax",
    "jax.random",
    "jax.nn",
    "jax.scipy.signal",
    "jax.example_libraries.stax",
    "jax._src.interpreters.mlir",
    "jaxlib.mlir.dialects.mhlo",
    "jaxlib.mlir.dialects.builtin",
    "flax.linen",
    "flax.nnx",
    "einops",
    "einops._torch_specific",
    "jaxtyping",
    "typing_extensions",
    "opt_einsum",
    "matplotlib.pyplot",
    "_posixsubprocess",
)
CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000
MS_BIND, MS_REC, MS_PRIVATE = 0x1000, 0x4000, 1 << 18
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS = 1, 4, 38
CAPABILITY_VERSION_3 = 0x20080522
libc = ctypes.CDLL(None, use_errno=True)


class CapabilityHeader(ctypes.Structure):
    """The header capset(2) takes."""

    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class CapabilitySet(ctypes.Structure):
    """One 32-bit half of the capability sets capset(2) takes."""

    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def checked(result: int, what: str) -> None:
    """Raise OSError, naming `what`, if a libc call failed."""
    if result != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"{what}: {os.strerror(error)}")


def install(modules: dict) -> None:
    """Register the course's kernel-side modules (and the packages above them) from their sources, in order."""
    for name, source in modules.items():
        parts = name.split(".")
        for depth in range(1, len(parts)):
            package = ".".join(parts[:depth])
            if package not in sys.modules:
                sys.modules[package] = types.ModuleType(package)
                sys.modules[package].__path__ = []
        module = types.ModuleType(name)
        module.__file__ = "/".join(parts) + ".py"
        sys.modules[name] = module
        exec(compile(source, module.__file__, "exec"), module.__dict__)


def preload() -> None:
    """Import the libraries grading processes use; one that fails is left to the process, which says why."""
    for name in PRELOADED:
        try:
            importlib.import_module(name)
        except Exception:
            pass


def mounts_below(folder: str) -> list[str]:
    """The outermost mount points below `folder`: what the sandbox shows there (the Python environment, if there)."""
    points = []
    with open("/proc/self/mountinfo") as table:
        for line in table:
            point = re.sub(
                r"\\([0-7]{3})", lambda code: chr(int(code.group(1), 8)), line.split()[4]
            )
            if point.startswith(folder + "/"):
                points.append(point)
    points.sort(key=len)
    return [
        point
        for index, point in enumerate(points)
        if not any(point.startswith(outer + "/") or point == outer for outer in points[:index])
    ]


def isolate(folder: str) -> None:
    """Enter new namespaces with a private empty /tmp that shows only `folder`, the process's own folder.

    What else the sandbox shows below /tmp (a Python environment made there) is shown again, as it was."""
    uid, gid = os.getuid(), os.getgid()
    checked(
        libc.unshare(
            CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS
        ),
        "unshare",
    )
    # only so that it may write its own maps
    checked(libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0), "dumpable")
    for name, text in (
        ("setgroups", "deny"),
        ("uid_map", f"{uid} {uid} 1"),
        ("gid_map", f"{gid} {gid} 1"),
    ):
        with open(f"/proc/self/{name}", "w") as file:
            file.write(text)
    checked(libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0), "not dumpable")
    checked(libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None), "make mounts private")
    siblings = os.path.dirname(folder)
    kept = {
        point: os.open(point, os.O_PATH)
        for point in mounts_below("/tmp")
        if point != siblings and not point.startswith(siblings + "/")
    }
    own = os.open(folder, os.O_PATH | os.O_DIRECTORY)
    checked(libc.mount(b"tmpfs", b"/tmp", b"tmpfs", 0, b"mode=1777"), "mount /tmp")
    for point, handle in kept.items():  # a bind keeps the read-only flag of the mount it copies
        os.makedirs(point, exist_ok=True)
        checked(
            libc.mount(
                f"/proc/self/fd/{handle}".encode(), point.encode(), None, MS_BIND | MS_REC, None
            ),
            f"show {point} again",
        )
        os.close(handle)
    if os.path.isdir(siblings):  # the processes' folder is outside /tmp: hide it too
        checked(
            libc.mount(b"tmpfs", siblings.encode(), b"tmpfs", 0, b"mode=0755"),
            "hide other processes",
        )
    os.makedirs(folder)
    checked(
        libc.mount(f"/proc/self/fd/{own}".encode(), folder.encode(), None, MS_BIND, None),
        "show own folder",
    )
    os.close(own)
    os.chdir("/tmp")


def drop_capabilities() -> None:
    """Give up every capability the new user namespace granted, for good."""
    checked(
        libc.capset(ctypes.byref(CapabilityHeader(CAPABILITY_VERSION_3, 0)), (CapabilitySet * 2)()),
        "capset",
    )
    checked(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no new privileges")


def die_with(parent_alive: int) -> None:
    """Be killed when the process that forked this one dies (it holds the pipe whose reading end is given)."""
    checked(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "parent death signal")
    readable, _, _ = select.select([parent_alive], [], [], 0)
    if readable:  # the parent died before the signal was set
        os._exit(1)
    os.close(parent_alive)


def grade(request: dict, line: int) -> None:
    """Become the grading process `request` asks for, writing its results on `line`.

    A request with a "program" instead of a "job" runs that (trusted) program with `line` as its standard
    output: how the tests see what a grading process can reach."""
    # as after exec: its own /proc entries are its own
    checked(libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0), "dumpable")
    for name, value in request["environment"].items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    # numpy seeded its global generator at import: each process gets its own seed
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed()
    if "program" in request:
        os.dup2(line, 1)
        exec(compile(request["program"], "<program>", "exec"), {"__name__": "__main__"})
        sys.stdout.flush()
    else:
        sys.modules["course.kernel.process"].run(request["job"], line)


def init(request: dict, line: int, parent_alive: int) -> int:
    """Process 1 of the new PID namespace: start the grading process, reap orphans, return the process's exit status."""
    die_with(parent_alive)
    drop_capabilities()
    child = os.fork()
    if child == 0:
        code = 1
        try:
            grade(request, line)
            code = 0
        except SystemExit as end:
            code = end.code if isinstance(end.code, int) else int(end.code is not None)
        finally:
            os._exit(code)
    os.close(line)
    while True:
        pid, status = os.wait()
        if pid == child:
            return os.waitstatus_to_exitcode(status)


def forked(request: dict, line: int) -> int:
    """The zygote's child: isolate, start the namespace's process 1, and end with the grading process's status."""
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    kept = line if line == 3 else os.dup2(line, 3)  # (dup2 onto itself with flags would fail)
    os.closerange(4, os.sysconf("SC_OPEN_MAX"))
    isolate(request["folder"])
    parent_alive, holding = os.pipe()
    first = os.fork()
    if first == 0:
        os.close(holding)
        os._exit(init(request, kept, parent_alive))
    os.close(parent_alive)
    os.close(kept)
    _, status = os.waitpid(first, 0)
    return os.waitstatus_to_exitcode(status)


def fork_process(request: dict, line: socket.socket) -> int:
    """Fork the child that becomes the grading process `request` asks for; return its pid."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = forked(request, line.fileno())
        # the process could not start: say why on the grader's console
        except BaseException as error:
            print(f"grading process could not start: {error!r}", file=sys.stderr, flush=True)
        finally:
            os._exit(code)
    return pid


def watch(child: int, line: socket.socket, channel: socket.socket) -> bool:
    """Wait for `child` to end, killing it if the grader closes the line or hangs up; then report its exit status.

    Return whether the grader is still there."""
    ended = os.pidfd_open(child)
    watched: list[Any] = [ended, line, channel]
    grader_there = True
    while ended not in (readable := select.select(watched, [], [])[0]):
        # the next request waits for its turn; an empty read is the grader gone
        if channel in readable:
            grader_there = bool(channel.recv(1, socket.MSG_PEEK))
            watched.remove(channel)
        if line in readable:  # the grader closed the line: time is up
            watched.remove(line)
        if not grader_there or line not in watched:
            os.kill(child, signal.SIGKILL)
    os.close(ended)
    _, status = os.waitpid(child, 0)
    if line in watched:
        try:
            line.sendall(f"{os.waitstatus_to_exitcode(status)}\n".encode())
        except OSError:  # the grader is gone too
            pass
    line.close()
    return grader_there


def receive(channel: socket.socket) -> tuple[bytes, list[int]]:
    """One message from the grader and the file descriptors that came with it; b"" when it hung up."""
    chunks, fds = [], []
    while True:
        message, received, _, _ = socket.recv_fds(channel, 1 << 20, 1)
        chunks.append(message)
        fds += received
        if not message or message.endswith(b"\n"):
            return b"".join(chunks), fds


def serve(channel: socket.socket) -> None:
    """Fork one grading process per request from the grader, one after the other, until the grader hangs up."""
    while True:
        message, fds = receive(channel)
        if not message or len(fds) != 1:
            return
        line = socket.socket(fileno=fds[0])
        if not watch(fork_process(json.loads(message), line), line, channel):
            return


def why_processes_cannot_be_isolated(folder: str) -> str:
    """Isolate a throwaway child the way every grading process is; return why that failed, or "" if it worked."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        try:
            isolate(folder)
            os.stat(sys.executable)  # the process needs its Python environment
            drop_capabilities()
            first = os.fork()
            if first == 0:
                os._exit(0)
            os.waitpid(first, 0)
            os._exit(0)
        except BaseException as error:
            os.write(writer, repr(error).encode())
            os._exit(1)
    os.close(writer)
    with os.fdopen(reader, "rb") as why:
        reason = why.read().decode()
    _, status = os.waitpid(pid, 0)
    return reason or ("" if status == 0 else f"the test child ended with status {status}")


def main() -> None:
    """Install, preload, become undumpable, check that processes can be isolated, and serve the grader."""
    if sys.argv[1:] == ["--one"]:
        install(json.loads(sys.stdin.readline())["modules"])
        preload()
        request, line = json.loads(sys.stdin.readline()), os.dup(1)
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        # what the student's code prints is nobody's business: the line is the results' alone
        os.dup2(null, 1)
        grade(request, line)
        return
    checked(libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0), "not dumpable")
    channel = socket.socket(fileno=0)
    install(json.loads(receive(channel)[0])["modules"])
    preload()
    reason = why_processes_cannot_be_isolated(sys.argv[1])
    channel.sendall(f"unavailable: {reason}".encode() if reason else b"ready")
    if not reason:
        serve(channel)


if __name__ == "__main__":
    main()
