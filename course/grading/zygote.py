"""The kernel zygote: a process in the grading sandbox that imports the kernels' libraries once and forks each kernel.

A grading kernel used to spend most of its life starting: Python, ipykernel, then torch, JAX and
Flax in the notebook's first cell (about 3 s of the 7 s a submission took). The zygote pays that
once per grading process. `course.grading.sandbox` starts it in the sandbox with `python -c` and
this file's source, so it may import only the standard library and the libraries it preloads:
the sandbox does not show the course.

Each kernel it forks is cut off from the zygote and from every other kernel before any student
code runs, by namespaces of its own: a new user namespace with no capabilities left, a private
empty /tmp that shows only the kernel's own connection folder, no network, and a PID namespace in
which no other process can be named. Its user namespace is a child of the zygote's, so it cannot
trace, or read the memory of, anything outside it; the zygote is not dumpable either. The zygote
never sees a submission: it only forks.

Protocol, over the Unix socket that is its standard input: once it has preloaded, the zygote says
"ready", or "unavailable:" and why, if this machine does not let it isolate a kernel; it tries that
with its one argument, an empty folder beside the kernels' connection folders. Then the grader
sends one JSON request {"connection_file", "environment", "arguments"} with one file descriptor,
the kernel's *line*. The other end of the line is held by the relay, the process jupyter_client
sees as the kernel. When the kernel ends, the zygote writes its exit status to the line; when the
relay closes the line (the kernel manager killed it), the zygote kills the kernel with its whole
PID namespace. Requests are served one after the other: a kernel is forked only once the one
before it is gone. When the grader hangs up, whatever it runs is killed and it exits: its life is
the grader's, not a thread's.
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

PRELOADED = ("numpy", "torch", "torch.nn.functional", "jax", "jax.numpy", "flax.linen", "flax.nnx",
             "matplotlib.pyplot", "ipykernel.kernelapp")
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

    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def checked(result: int, what: str) -> None:
    """Raise OSError, naming `what`, if a libc call failed."""
    if result != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"{what}: {os.strerror(error)}")


def preload() -> None:
    """Import the libraries every notebook's first cell imports; one that fails is left to the kernel."""
    for name in PRELOADED:
        try:
            importlib.import_module(name)
        except Exception:  # the kernel will import it, and fail, where the student can see why
            pass


def mounts_below(folder: str) -> list[str]:
    """The outermost mount points below `folder`: what the sandbox shows there (the Python environment, if it is there)."""
    points = []
    with open("/proc/self/mountinfo") as table:
        for line in table:
            point = re.sub(r"\\([0-7]{3})", lambda code: chr(int(code.group(1), 8)), line.split()[4])
            if point.startswith(folder + "/"):
                points.append(point)
    points.sort(key=len)
    return [point for index, point in enumerate(points)
            if not any(point.startswith(outer + "/") or point == outer for outer in points[:index])]


def isolate(folder: str) -> None:
    """Enter new namespaces with a private empty /tmp that shows only `folder`, the kernel's connection folder.

    What else the sandbox shows below /tmp (a Python environment made there) is shown again, as it was."""
    uid, gid = os.getuid(), os.getgid()
    checked(libc.unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS),
            "unshare")
    checked(libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0), "dumpable")  # only so that it may write its own maps
    for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
        with open(f"/proc/self/{name}", "w") as file:
            file.write(text)
    checked(libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0), "not dumpable")
    checked(libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None), "make mounts private")
    siblings = os.path.dirname(folder)
    kept = {point: os.open(point, os.O_PATH) for point in mounts_below("/tmp")
            if point != siblings and not point.startswith(siblings + "/")}
    own = os.open(folder, os.O_PATH | os.O_DIRECTORY)
    checked(libc.mount(b"tmpfs", b"/tmp", b"tmpfs", 0, b"mode=1777"), "mount /tmp")
    for point, handle in kept.items():  # a bind keeps the read-only flag of the mount it copies
        os.makedirs(point, exist_ok=True)
        checked(libc.mount(f"/proc/self/fd/{handle}".encode(), point.encode(), None, MS_BIND | MS_REC, None),
                f"show {point} again")
        os.close(handle)
    if os.path.isdir(siblings):  # the kernels' folder is outside /tmp: hide it too
        checked(libc.mount(b"tmpfs", siblings.encode(), b"tmpfs", 0, b"mode=0755"), "hide other kernels")
    os.makedirs(folder)
    checked(libc.mount(f"/proc/self/fd/{own}".encode(), folder.encode(), None, MS_BIND, None), "show own folder")
    os.close(own)
    os.chdir("/tmp")


def drop_capabilities() -> None:
    """Give up every capability the new user namespace granted, for good."""
    checked(libc.capset(ctypes.byref(CapabilityHeader(CAPABILITY_VERSION_3, 0)), (CapabilitySet * 2)()), "capset")
    checked(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no new privileges")


def die_with(parent_alive: int) -> None:
    """Be killed when the process that forked this one dies (it holds the pipe whose reading end is given)."""
    checked(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "parent death signal")
    readable, _, _ = select.select([parent_alive], [], [], 0)
    if readable:  # the parent died before the signal was set
        os._exit(1)
    os.close(parent_alive)


def run_kernel(request: dict) -> None:
    """Become the kernel `request` asks for, until it shuts down."""
    checked(libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0), "dumpable")  # as after exec: its own /proc entries are its own
    for name, value in request["environment"].items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    if "numpy" in sys.modules:  # numpy seeded its global generator at import: each kernel gets its own seed
        sys.modules["numpy"].random.seed()
    sys.argv = ["ipykernel_launcher", "-f", request["connection_file"], *request["arguments"]]
    from ipykernel import kernelapp
    kernelapp.launch_new_instance()


def init(request: dict, parent_alive: int) -> int:
    """Process 1 of the kernel's PID namespace: start the kernel, reap orphans, return the kernel's exit status."""
    die_with(parent_alive)
    drop_capabilities()
    kernel = os.fork()
    if kernel == 0:
        code = 1
        try:
            run_kernel(request)
            code = 0
        except SystemExit as end:
            code = end.code if isinstance(end.code, int) else int(end.code is not None)
        finally:
            os._exit(code)
    while True:
        pid, status = os.wait()
        if pid == kernel:
            return os.waitstatus_to_exitcode(status)


def forked(request: dict) -> int:
    """The zygote's child: isolate, start the namespace's process 1, and end with the kernel's status."""
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.closerange(3, os.sysconf("SC_OPEN_MAX"))
    isolate(os.path.dirname(request["connection_file"]))
    parent_alive, holding = os.pipe()
    first = os.fork()
    if first == 0:
        os.close(holding)
        os._exit(init(request, parent_alive))
    os.close(parent_alive)
    _, status = os.waitpid(first, 0)
    return os.waitstatus_to_exitcode(status)


def fork_kernel(request: dict) -> int:
    """Fork the child that becomes the kernel `request` asks for; return its pid."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = forked(request)
        except BaseException as error:  # the kernel could not start: say why on the grader's console
            print(f"grading kernel could not start: {error!r}", file=sys.stderr, flush=True)
        finally:
            os._exit(code)
    return pid


def watch(kernel: int, line: socket.socket, channel: socket.socket) -> bool:
    """Wait for `kernel` to end, killing it if the relay or the grader hangs up; tell the relay its exit status.

    Return whether the grader is still there."""
    ended = os.pidfd_open(kernel)
    watched, grader_there = [ended, line, channel], True
    while ended not in (readable := select.select(watched, [], [])[0]):
        if channel in readable:  # the next request waits for its turn; an empty read is the grader gone
            grader_there = bool(channel.recv(1, socket.MSG_PEEK))
            watched.remove(channel)
        if line in readable:  # the relay hung up: the kernel manager killed the kernel
            watched.remove(line)
        if not grader_there or line not in watched:
            os.kill(kernel, signal.SIGKILL)
    os.close(ended)
    _, status = os.waitpid(kernel, 0)
    if line in watched:
        try:
            line.sendall(f"{os.waitstatus_to_exitcode(status)}\n".encode())
        except OSError:  # the relay is gone too
            pass
    line.close()
    return grader_there


def serve(channel: socket.socket) -> None:
    """Fork one kernel per request from the grader, one after the other, until the grader hangs up."""
    while True:
        message, fds, _, _ = socket.recv_fds(channel, 1 << 16, 1)
        if not message or len(fds) != 1:
            return
        line = socket.socket(fileno=fds[0])
        if not watch(fork_kernel(json.loads(message)), line, channel):
            return


def why_kernels_cannot_be_isolated(folder: str) -> str:
    """Isolate a throwaway child the way every kernel is; return why that failed, or "" if it worked."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        try:
            isolate(folder)
            os.stat(sys.executable)  # the kernel needs its Python environment
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
    """Preload, become undumpable, check that kernels can be isolated, and serve the grader on standard input."""
    checked(libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0), "not dumpable")
    preload()
    channel = socket.socket(fileno=0)
    reason = why_kernels_cannot_be_isolated(sys.argv[1])
    channel.sendall(f"unavailable: {reason}".encode() if reason else b"ready")
    if not reason:
        serve(channel)


if __name__ == "__main__":
    main()
