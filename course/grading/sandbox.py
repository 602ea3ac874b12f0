"""Grading kernels in a sandbox: bubblewrap, no network, an unprivileged user, resource limits.

`SandboxedKernelManager` is what nbgrader's execution uses to start every grading kernel (see
`course.grading.execute` and nbgrader_config.py). Inside, a kernel sees the system's programs,
the Python environment (read-only), a private, empty /tmp as its working folder and the folder
of its own IPC sockets: never the course, the gradebook, other submissions or the network. What
it writes disappears with it.
"""

import os
import shutil
import subprocess
import sys
import tempfile
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


def sandbox_command(argv: list[str], private_dirs: tuple[Path, ...] = (), limits: Limits = Limits()) -> list[str]:
    """`argv` wrapped to run in the sandbox, in an empty private /tmp, with only `private_dirs` shown writable."""
    as_root = os.geteuid() == 0
    args = ["bwrap", "--die-with-parent", "--new-session", "--unshare-net", "--unshare-pid", "--unshare-ipc",
            "--unshare-uts", "--unshare-cgroup-try"]
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


class SandboxUnavailable(RuntimeError):
    """Grading needs bubblewrap and prlimit, and one of them is missing."""


class SandboxedKernelManager(AsyncKernelManager):
    """Starts each kernel in the sandbox, talking over IPC sockets in a private folder of its own."""

    confined = Bool(True, help="Run kernels in the sandbox. Only for code you trust: False runs them unconfined."
                    ).tag(config=True)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.private_folder = Path(tempfile.mkdtemp(prefix="grading-kernel-"))
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
        await super()._async_launch_kernel(kernel_cmd, **kw)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        """The kernel's command line, wrapped in the sandbox (called once its connection file is written)."""
        argv = [sys.executable, "-m", "ipykernel_launcher", "-f", self.connection_file, *(extra_arguments or [])]
        if not self.confined:
            return argv
        if not available():
            raise SandboxUnavailable("Grading kernels run in a sandbox that needs bubblewrap and prlimit: "
                                     "`apt-get install bubblewrap util-linux` (or `make sandbox`).")
        if os.geteuid() == 0:
            for path in (self.private_folder, Path(self.connection_file)):
                os.chown(path, NOBODY, NOBODY)
        return sandbox_command(argv, (self.private_folder,))
