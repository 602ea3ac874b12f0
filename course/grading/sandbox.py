"""Grading kernels in a sandbox: bubblewrap, no network, an unprivileged user, resource limits.

`SandboxedKernelManager` is what nbgrader's execution uses to start every grading kernel (see
`course.grading.execute` and nbgrader_config.py). Inside, a kernel sees the system's programs,
the Python environment (read-only), a private, empty /tmp as its working folder and the folder
of its own IPC sockets: never the course, the gradebook, other submissions or the network. What
it writes disappears with it.

Kernels are forked by this process's `Zygote` (`course.grading.zygote`), which runs in the same
sandbox and has the kernels' libraries imported already; each kernel it forks gets namespaces of
its own on top. A kernel asked for while the zygote's last one still runs starts the plain way.
"""

import atexit
import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

from jupyter_client import AsyncKernelManager
from traitlets import Bool

from course.grading import xla

NOBODY = 65534
SYSTEM_PATHS = ("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32")
KERNEL_ENVIRONMENT = {"HOME": "/tmp", "MPLCONFIGDIR": "/tmp", "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0",
                      "XLA_FLAGS": xla.FLAGS}
PASSED_ENVIRONMENT = ("NBGRADER_EXECUTION",)


@dataclass(frozen=True)
class Limits:
    """Resource limits for one grading kernel and everything it starts."""

    cpu_seconds: int = 900
    memory_bytes: int = 6 * 2**30
    processes: int = 512
    file_bytes: int = 64 * 2**20
    open_files: int = 1024

    def prlimit_args(self, unprivileged_user: bool) -> list[str]:
        """The `prlimit` command line that applies these limits (processes only under their own user)."""
        args = ["prlimit", f"--cpu={self.cpu_seconds}", f"--as={self.memory_bytes}", f"--fsize={self.file_bytes}",
                f"--nofile={self.open_files}", "--core=0"]
        if unprivileged_user:
            args.append(f"--nproc={self.processes}")
        return args + ["--"]


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


def sandbox_command(argv: list[str], private_dirs: tuple[Path, ...] = (), limits: Limits = Limits(),
                    die_with_parent: bool = True) -> list[str]:
    """`argv` wrapped to run in the sandbox, in an empty private /tmp, with only `private_dirs` shown writable.

    `die_with_parent` ends it when the thread that started it ends (bwrap follows that thread, not its process)."""
    as_root = os.geteuid() == 0
    args = ["bwrap", *(["--die-with-parent"] if die_with_parent else []), "--new-session", "--unshare-net",
            "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]
    if not as_root:
        args.append("--unshare-user")
    args += _system_binds() + ["--dev", "/dev", "--proc", "/proc", "--perms", "1777", "--tmpfs", "/tmp"]
    args += _bind(sorted({sys.base_prefix, sys.prefix}), writable=False)
    args += _bind([str(folder) for folder in private_dirs], writable=True)
    environment = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", **KERNEL_ENVIRONMENT,
                   **{name: os.environ[name] for name in PASSED_ENVIRONMENT if name in os.environ}}
    args += ["--chdir", "/tmp", "--clearenv"]
    for name, value in environment.items():
        args += ["--setenv", name, value]
    args.append("--")
    if as_root:
        args += ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]
    return args + limits.prlimit_args(unprivileged_user=as_root) + argv


class Zygote:
    """The sandboxed process that forks this process's grading kernels, one at a time (`course.grading.zygote`)."""

    PROGRAM = Path(__file__).with_name("zygote.py")
    STARTUP_SECONDS = 300

    def __init__(self, folder: Path) -> None:
        self.channel, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        trial = Path(tempfile.mkdtemp(prefix="trial-", dir=folder))  # where it tries isolating a kernel first
        hand_to_kernel(trial)
        command = sandbox_command([sys.executable, "-c", self.PROGRAM.read_text(), str(trial)], (folder,),
                                  die_with_parent=False)  # it ends when this process hangs up, whichever thread started it
        self.process = subprocess.Popen(command, stdin=theirs, stdout=subprocess.DEVNULL)
        theirs.close()
        self.relay: subprocess.Popen | None = None  # the process jupyter_client sees as the last kernel
        self.claimed = False
        self.refusal: str | None = None  # why it cannot fork kernels here, once it said so
        self.answered = False

    def wait_until_ready(self) -> None:
        """The first time only: wait for the zygote to say it preloaded and can isolate kernels here."""
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
            logging.getLogger(__name__).warning("Grading kernels start the slower, plain way: the kernel zygote "
                                                "cannot isolate kernels here (%s).", self.refusal)
            self.stop()

    def claim(self) -> bool:
        """Reserve the zygote for the next kernel, if it can fork kernels, runs, and its last kernel has ended."""
        self.wait_until_ready()
        if self.refusal or self.claimed or self.process.poll() is not None or (self.relay and self.relay.poll() is None):
            return False
        self.claimed = True
        return True

    def fork(self, connection_file: str, arguments: list[str]) -> socket.socket:
        """Ask for a kernel; return the grader's end of its line, which the relay must hold."""
        ours, line = socket.socketpair()
        environment = {name: os.environ.get(name) for name in PASSED_ENVIRONMENT}
        request = {"connection_file": connection_file, "environment": environment, "arguments": arguments}
        try:
            socket.send_fds(self.channel, [json.dumps(request).encode()], [line.fileno()])
        finally:
            line.close()
        return ours

    def launched(self, relay: subprocess.Popen | None) -> None:
        """Record the relay of the kernel just launched (None if the launch failed), and end the claim."""
        self.relay, self.claimed = relay, False

    def stop(self) -> None:
        """Kill the zygote and whatever kernel it runs."""
        self.process.kill()
        self.process.wait()
        self.channel.close()


_LOCK = threading.Lock()
_PER_PROCESS: dict[int, tuple[Path, list[Zygote]]] = {}


def _kernels_folder_and_zygote() -> tuple[Path, list[Zygote]]:
    """This process's folder for its kernels' connection folders, and a list holding its zygote once started."""
    with _LOCK:
        if os.getpid() not in _PER_PROCESS:  # a forked grading process starts its own
            folder = Path(tempfile.mkdtemp(prefix="grading-kernels-"))
            folder.chmod(0o711)  # an unprivileged kernel may pass through to its own folder, and list nothing
            holder: list[Zygote] = []
            _PER_PROCESS[os.getpid()] = folder, holder
            atexit.register(_stop, folder, holder)
        return _PER_PROCESS[os.getpid()]


def _stop(folder: Path, holder: list[Zygote]) -> None:
    """Stop this process's zygote and remove its kernels' folder."""
    for zygote in holder:
        zygote.stop()
    shutil.rmtree(folder, ignore_errors=True)


def claim_zygote() -> Zygote | None:
    """This process's zygote, started if needed and reserved for one kernel; None while it is busy."""
    folder, holder = _kernels_folder_and_zygote()
    with _LOCK:
        if not holder or (holder[0].refusal is None and holder[0].process.poll() is not None):
            for dead in holder:
                dead.stop()
            holder[:] = [Zygote(folder)]  # the first, or one to replace a zygote that died
        return holder[0] if holder[0].claim() else None


def hand_to_kernel(path: Path) -> None:
    """Make `path` the kernel's own: it runs as nobody when grading runs as root."""
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)


def relay_command(line: int) -> list[str]:
    """The kernel's process as jupyter_client sees it: it holds the kernel's line and ends with the kernel."""
    return [shutil.which("bash") or "/bin/bash", "-c", f'read -r status <&{line}; exit "${{status:-1}}"']


class SandboxUnavailable(RuntimeError):
    """Grading needs bubblewrap and prlimit, and one of them is missing."""


class SandboxedKernelManager(AsyncKernelManager):
    """Starts each kernel in the sandbox, talking over IPC sockets in a private folder of its own."""

    confined = Bool(True, help="Run kernels in the sandbox. Only for code you trust: False runs them unconfined."
                    ).tag(config=True)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.private_folder = Path(tempfile.mkdtemp(prefix="kernel-", dir=_kernels_folder_and_zygote()[0]))
        self.zygote: Zygote | None = None
        self.line: socket.socket | None = None
        weakref.finalize(self, shutil.rmtree, self.private_folder, True)
        self.transport = "ipc"
        self.ip = str(self.private_folder / "kernel")
        self.connection_file = str(self.private_folder / "connection.json")

    @property
    def kernel_spec(self):
        """The kernel's spec, interrupted by a message on its control channel: a signal would stop bubblewrap."""
        spec = super().kernel_spec
        if spec is not None:
            spec.interrupt_mode = "message"
        return spec

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        """Launch the kernel with its console output discarded: what a solution prints travels in messages."""
        kw.setdefault("stdout", subprocess.DEVNULL)
        if self.zygote is None:  # a plain sandbox, or unconfined
            await super()._async_launch_kernel(kernel_cmd, **kw)
            return
        zygote, line, relay = self.zygote, self.line, None
        self.zygote = self.line = None
        try:
            await super()._async_launch_kernel(kernel_cmd, pass_fds=(line.fileno(),), **kw)
            relay = self.provisioner.process
        finally:
            line.close()
            zygote.launched(relay)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        """The kernel's command line, wrapped in the sandbox (called once its connection file is written)."""
        argv = [sys.executable, "-m", "ipykernel_launcher", "-f", self.connection_file, *(extra_arguments or [])]
        if not self.confined:
            return argv
        if not available():
            raise SandboxUnavailable("Grading kernels run in a sandbox that needs bubblewrap and prlimit: "
                                     "`apt-get install bubblewrap util-linux` (or `make sandbox`).")
        for path in (self.private_folder, Path(self.connection_file)):
            hand_to_kernel(path)
        self.zygote = claim_zygote()
        if self.zygote is not None:
            try:
                self.line = self.zygote.fork(self.connection_file, extra_arguments or [])
                return relay_command(self.line.fileno())
            except OSError:  # the zygote died since it was claimed: start this kernel the plain way
                self.zygote.launched(None)
                self.zygote = None
        return sandbox_command(argv, (self.private_folder,))
