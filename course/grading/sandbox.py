"""Grading processes in a sandbox: bubblewrap, no network, an unprivileged user, resource limits.

`run_grading_process` runs one exercise's grading process (`course.kernel.process`) and returns the
lines it wrote. Inside, a process sees the system's programs, the Python environment (read-only) and
a private, empty /tmp with a folder of its own: never the course, the gradebook, other submissions
or the network. What it writes disappears with it.

Processes are forked by this process's `Zygote` (`course.grading.zygote`), which runs in the same
sandbox with the libraries imported already; each process it forks gets namespaces of its own on top.
Where the zygote cannot isolate processes, or is busy with another thread's, a process starts the
plain way: a sandbox of its own, which imports the libraries itself (seconds slower).
"""

import atexit
import json
import logging
import os
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from course.build.inline import kernel_modules
from course.grading import xla

NOBODY = 65534
SYSTEM_PATHS = ("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32")
PROCESS_ENVIRONMENT = {
    "HOME": "/tmp",
    "MPLCONFIGDIR": "/tmp",
    "MPLBACKEND": "Agg",
    "PYTHONHASHSEED": "0",
    "XLA_FLAGS": xla.FLAGS,
    "NBGRADER_EXECUTION": "autograde",
}
# What a grading process runs: the course's kernel-side modules, shipped as sources (the sandbox does not show
# the course), and the one that runs an exercise.
PROCESS_MODULE = "kernel.process"
MAX_OUTPUT = 64 * 2**20  # bytes a grading process may write back; the rest is cut off
CHUNK = 32 * 2**10  # the zygote's channel carries records; a long message goes in several


@dataclass(frozen=True)
class Limits:
    """Resource limits for the zygote, each grading process and everything they start."""

    cpu_seconds: int = 900
    memory_bytes: int = 6 * 2**30
    processes: int = 512
    file_bytes: int = 64 * 2**20
    open_files: int = 1024

    def prlimit_args(self, unprivileged_user: bool) -> list[str]:
        """The `prlimit` command line that applies these limits (processes only under their own user)."""
        args = [
            "prlimit",
            f"--cpu={self.cpu_seconds}",
            f"--as={self.memory_bytes}",
            f"--fsize={self.file_bytes}",
            f"--nofile={self.open_files}",
            "--core=0",
        ]
        if unprivileged_user:
            args.append(f"--nproc={self.processes}")
        return args + ["--"]


@dataclass
class Finished:
    """What a grading process wrote back, line by line, and how it ended."""

    lines: list[bytes] = field(default_factory=list)
    status: int | None = None
    timed_out: bool = False


class SandboxUnavailable(RuntimeError):
    """Grading needs bubblewrap and prlimit, and one of them is missing."""


def available() -> bool:
    """Whether bubblewrap and prlimit are installed."""
    return shutil.which("bwrap") is not None and shutil.which("prlimit") is not None


def _system_binds() -> list[str]:
    """bwrap arguments that show the system's programs and libraries read-only."""
    args: list[str] = []
    for path in SYSTEM_PATHS:
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    return args


def _bind(paths: list[str], writable: bool) -> list[str]:
    """bwrap arguments that show `paths`, creating their parent folders world-readable first."""
    args: list[str] = []
    for path in paths:
        for parent in reversed(Path(path).parents[:-1]):
            args += ["--perms", "0755", "--dir", str(parent)]
        args += ["--bind" if writable else "--ro-bind", path, path]
    return args


def sandbox_command(
    argv: list[str],
    private_dirs: tuple[Path, ...] = (),
    limits: Limits = Limits(),
    die_with_parent: bool = True,
) -> list[str]:
    """`argv` wrapped to run in the sandbox, in an empty private /tmp, with only `private_dirs` shown writable.

    `die_with_parent` ends it when the thread that started it ends (bwrap follows that thread, not its process)."""
    as_root = os.geteuid() == 0
    args = [
        "bwrap",
        *(["--die-with-parent"] if die_with_parent else []),
        "--new-session",
        "--unshare-net",
        "--unshare-pid",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
    ]
    if not as_root:
        args.append("--unshare-user")
    args += _system_binds() + [
        "--dev",
        "/dev",
        "--proc",
        "/proc",
        "--perms",
        "1777",
        "--tmpfs",
        "/tmp",
    ]
    args += _bind(sorted({sys.base_prefix, sys.prefix}), writable=False)
    args += _bind([str(folder) for folder in private_dirs], writable=True)
    environment = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", **PROCESS_ENVIRONMENT}
    args += ["--chdir", "/tmp", "--clearenv"]
    for name, value in environment.items():
        args += ["--setenv", name, value]
    args.append("--")
    if as_root:
        args += ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]
    return args + limits.prlimit_args(unprivileged_user=as_root) + argv


def hand_to_process(path: Path) -> None:
    """Make `path` the grading process's own: it runs as nobody when grading runs as root."""
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)


def _read_until_done(stream: socket.socket | int, deadline: float) -> tuple[list[bytes], bool]:
    """The lines written on `stream` until it closes, and whether time ran out first."""
    received, size = bytearray(), 0
    fd = stream if isinstance(stream, int) else stream.fileno()
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return bytes(received).splitlines(), True
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return bytes(received).splitlines(), False
        size += len(chunk)
        if size <= MAX_OUTPUT:
            received += chunk


class Zygote:
    """The sandboxed process that forks this process's grading processes, one at a time (`course.grading.zygote`)."""

    PROGRAM = Path(__file__).with_name("zygote.py")
    STARTUP_SECONDS = 300

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.channel, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        # where it tries isolating a process first
        trial = Path(tempfile.mkdtemp(prefix="trial-", dir=folder))
        hand_to_process(trial)
        command = sandbox_command(
            [sys.executable, "-c", self.PROGRAM.read_text(), str(trial)],
            (folder,),
            # it ends when this process hangs up, whichever thread started it
            die_with_parent=False,
        )
        self.process = subprocess.Popen(command, stdin=theirs.fileno(), stdout=subprocess.DEVNULL)
        theirs.close()
        self.lock = threading.Lock()
        self.refusal: str | None = None  # why it cannot fork processes here, once it said so
        self.answered = False
        self.send(json.dumps({"modules": kernel_modules(PROCESS_MODULE)}).encode())

    def send(self, message: bytes, line: socket.socket | None = None) -> None:
        """Send one message (and the line's descriptor with its first record) to the zygote."""
        message += b"\n"
        chunks = [message[start : start + CHUNK] for start in range(0, len(message), CHUNK)]
        socket.send_fds(self.channel, [chunks[0]], [line.fileno()] if line else [])
        for chunk in chunks[1:]:
            self.channel.sendall(chunk)

    def wait_until_ready(self) -> None:
        """The first time only: wait for the zygote to say it preloaded and can isolate processes here."""
        if self.answered:
            return
        self.answered = True
        self.channel.settimeout(self.STARTUP_SECONDS)
        try:
            answer = self.channel.recv(4096).decode() or "unavailable: it ended while starting"
        except OSError as error:
            answer = f"unavailable: it did not answer ({error})"
        self.channel.settimeout(None)
        if answer != "ready":
            self.refusal = answer.removeprefix("unavailable: ")
            logging.getLogger(__name__).warning(
                "Grading processes start the slower, plain way: the zygote cannot "
                "isolate them here (%s).",
                self.refusal,
            )
            self.stop()

    def usable(self) -> bool:
        """Whether the zygote runs and can fork grading processes."""
        self.wait_until_ready()
        return self.refusal is None and self.process.poll() is None

    def run(self, request: dict, timeout: float) -> Finished:
        """Fork the process `request` asks for; return what it wrote, its exit status, whether time ran out."""
        ours, line = socket.socketpair()
        try:
            self.send(json.dumps(request).encode(), line)
        finally:
            line.close()
        with ours:
            lines, timed_out = _read_until_done(ours, time.monotonic() + timeout)
        status = (
            int(lines.pop())
            if lines and not timed_out and lines[-1].strip().lstrip(b"-").isdigit()
            else None
        )
        return Finished(lines, status, timed_out)

    def stop(self) -> None:
        """Kill the zygote and whatever process it runs."""
        self.process.kill()
        self.process.wait()
        self.channel.close()


_LOCK = threading.Lock()
_PER_PROCESS: dict[int, tuple[Path, list[Zygote]]] = {}


def _processes_folder_and_zygote() -> tuple[Path, list[Zygote]]:
    """This process's folder for its grading processes' folders, and a list holding its zygote once started."""
    with _LOCK:
        if os.getpid() not in _PER_PROCESS:  # a forked grading process starts its own
            folder = Path(tempfile.mkdtemp(prefix="grading-processes-"))
            # an unprivileged process may pass through to its own folder, and list nothing
            folder.chmod(0o711)
            holder: list[Zygote] = []
            _PER_PROCESS[os.getpid()] = folder, holder
            atexit.register(_stop, folder, holder)
        return _PER_PROCESS[os.getpid()]


def _stop(folder: Path, holder: list[Zygote]) -> None:
    """Stop this process's zygote and remove its processes' folder."""
    for zygote in holder:
        zygote.stop()
    shutil.rmtree(folder, ignore_errors=True)


def this_zygote() -> Zygote:
    """This process's zygote, started if needed (or again, if the last one died)."""
    folder, holder = _processes_folder_and_zygote()
    with _LOCK:
        if not holder or (holder[0].refusal is None and holder[0].process.poll() is not None):
            for dead in holder:
                dead.stop()
            holder[:] = [Zygote(folder)]
        return holder[0]


def _run_alone(request: dict, timeout: float, confined: bool) -> Finished:
    """Run one grading process in a sandbox of its own (or unconfined): the zygote's program with --one."""
    argv = [sys.executable, "-c", Zygote.PROGRAM.read_text(), "--one"]
    command = sandbox_command(argv, (Path(request["folder"]),)) if confined else argv
    environment = None if confined else {**os.environ, **PROCESS_ENVIRONMENT}
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=environment,
        cwd=request["folder"],
    )
    with process:
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(
                json.dumps({"modules": kernel_modules(PROCESS_MODULE)}).encode()
                + b"\n"
                + json.dumps(request).encode()
                + b"\n"
            )
            process.stdin.close()
        except BrokenPipeError:
            pass
        lines, timed_out = _read_until_done(process.stdout.fileno(), time.monotonic() + timeout)
        process.kill()
    return Finished(lines, None if timed_out else process.returncode, timed_out)


def run_grading_process(job: dict, timeout: float, confined: bool = True) -> Finished:
    """Run one exercise's grading process on `job` (see `course.kernel.process`); what it wrote back.

    Confined, it is forked by this process's zygote or, where that cannot be, sandboxed alone. Unconfined
    (`confined=False`, only for code you trust) it runs as a plain subprocess.
    """
    return _run({"job": job}, timeout, confined)


def run_trusted_program(program: str, timeout: float = 60) -> Finished:
    """Run a trusted Python program as a grading process would be run, its standard output the lines back."""
    return _run({"program": program}, timeout, confined=True)


def _run(work: dict, timeout: float, confined: bool) -> Finished:
    """Run a grading process for `work` ({"job": ...} or {"program": ...}) in a folder of its own."""
    if confined and not available():
        raise SandboxUnavailable(
            "Grading processes run in a sandbox that needs bubblewrap and prlimit: "
            "`apt-get install bubblewrap util-linux` (or `make sandbox`)."
        )
    folder = Path(tempfile.mkdtemp(prefix="process-", dir=_processes_folder_and_zygote()[0]))
    try:
        hand_to_process(folder)
        request = {"folder": str(folder), "environment": {}, **work}
        zygote = this_zygote() if confined else None
        if zygote is not None and zygote.usable() and zygote.lock.acquire(blocking=False):
            try:
                return zygote.run(request, timeout)
            finally:
                zygote.lock.release()
        return _run_alone(request, timeout, confined)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
