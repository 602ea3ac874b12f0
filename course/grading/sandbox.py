"""Run grading kernels in a sandbox: bubblewrap, no network, an unprivileged user, resource limits.

Inside, a kernel sees the system's programs, the Python environment (read-only), its own
working folder and a private /tmp: never the gradebook, source/, other submissions or the
network. It talks to the grader over IPC sockets in a folder of its own. Run as
`python -m course.grading.sandbox CONNECTION_FILE` from a kernelspec (see `write_kernelspec`).
"""

import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

KERNEL_NAME = "course-sandbox"
IPC_MARKER = ".course-sandbox-ipc"
NOBODY = 65534
SYSTEM_PATHS = ("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32")


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


def sandbox_command(argv: list[str], workdir: Path, private_dirs: tuple[Path, ...] = (), limits: Limits = Limits()) -> list[str]:
    """`argv` wrapped to run in the sandbox, with `workdir` and `private_dirs` writable and nothing else."""
    as_root = os.geteuid() == 0
    args = ["bwrap", "--die-with-parent", "--new-session", "--unshare-net", "--unshare-pid", "--unshare-ipc",
            "--unshare-uts", "--unshare-cgroup-try"]
    if not as_root:
        args.append("--unshare-user")
    args += _system_binds() + ["--dev", "/dev", "--proc", "/proc", "--perms", "1777", "--tmpfs", "/tmp"]
    args += _bind(sorted({sys.base_prefix, sys.prefix}), writable=False)
    args += _bind([str(folder) for folder in (workdir, *private_dirs)], writable=True)
    args += ["--chdir", str(workdir), "--clearenv",
             "--setenv", "PATH", f"{Path(sys.executable).parent}:/usr/bin:/bin", "--setenv", "HOME", "/tmp",
             "--setenv", "MPLCONFIGDIR", "/tmp", "--setenv", "MPLBACKEND", "Agg", "--setenv", "PYTHONHASHSEED", "0",
             "--"]
    if as_root:
        args += ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]
    return args + limits.prlimit_args(unprivileged_user=as_root) + argv


def write_kernelspec(jupyter_dir: Path) -> str:
    """Write a kernelspec under `jupyter_dir`/kernels that starts sandboxed kernels; return its name."""
    folder = jupyter_dir / "kernels" / KERNEL_NAME
    folder.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [sys.executable, "-m", "course.grading.sandbox", "{connection_file}"],
        "display_name": "Python 3 (grading sandbox)",
        "language": "python",
        "interrupt_mode": "message",
    }
    (folder / "kernel.json").write_text(json.dumps(spec, indent=1))
    return KERNEL_NAME


def prepare_ipc_folder(folder: Path) -> None:
    """Make `folder` the private folder for one sandboxed kernel's IPC sockets."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / IPC_MARKER).touch()


def launch_kernel(connection_file: Path) -> None:
    """Replace this process with an IPython kernel in the sandbox, working in the current folder.

    The kernel talks over IPC sockets in the folder of the connection's `ip`, which the grader
    prepared with `prepare_ipc_folder`; the kernel gets a copy of the connection file there.
    """
    connection = json.loads(connection_file.read_text())
    ipc_folder = Path(connection["ip"]).parent
    if connection.get("transport") != "ipc" or not (ipc_folder / IPC_MARKER).is_file():
        sys.exit(f"refusing to start a sandboxed kernel: {ipc_folder} was not prepared for it")
    private_copy = ipc_folder / "connection.json"
    private_copy.write_text(json.dumps(connection))
    if os.geteuid() == 0:
        os.chown(ipc_folder, NOBODY, NOBODY)
        os.chown(private_copy, NOBODY, NOBODY)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", str(private_copy),
            "--HistoryManager.hist_file=:memory:"]
    command = sandbox_command(argv, Path.cwd(), (ipc_folder,))
    os.execvp(command[0], command)


if __name__ == "__main__":
    launch_kernel(Path(sys.argv[1]).resolve())
