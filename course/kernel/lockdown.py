"""A grading process's lockdown: after it, the code that runs is a student's, and it may only compute.

`lock_down` runs once in each grading process (`course.kernel.process`), after the notebook's trusted
setup cell and before any solution cell. Nothing it does can be undone from inside the process:

1. the exercise's forbidden operation is destroyed (`course.kernel.switches.destroy`);
2. what Python has to start a thread or a program, or to read and write memory, without an audit event
   (`_thread.start_new_thread`, `_posixsubprocess.fork_exec`, ctypes) is taken out of the process;
3. the process stops being dumpable: no other process, a child of its own included, may read or
   write its memory or trace it;
4. a CPython audit hook, which Python code cannot remove, refuses what reaches beyond computing
   while student code runs (any frame on the stack runs in the notebook's namespace):
   - importing a module that is not a solution's to import, loading compiled code from outside the
     course's libraries, or loading or running any module a second time, by whatever path (which
     would bring back what step 1 destroyed);
   - reading a frame, a traceback's frame or a code object, compiling or executing code, building
     code or functions, when the student's code asks for it itself;
   - opening a file other than for reading the installed libraries, and everything else an audit
     event announces (programs, signals, sockets, ctypes, the garbage collector, tracing...).
   Libraries keep doing on the student's behalf what they need to (reading their own files, code
   objects and frames); they can do nothing the rules refuse.

The hook uses only C functions captured when it is installed, and data nothing else holds: no
student code can change what it decides, on any thread.
"""

import _thread
import os
import sys
import types
from collections.abc import Callable
from typing import Any, NoReturn

from course.judging.forbidden import ALLOWED_IMPORTS, Operation
from course.judging.payload import REFUSED_LINE
from course.kernel.switches import Refuse, destroy, replace_everywhere, stand_in

PR_SET_DUMPABLE = 4
# Events a library raises on the student's behalf, and may (reading what it needs, building code it generates),
# but a student's code may not raise itself: what each means, in words.
ASKED_OF_LIBRARIES = {
    "object.__getattr__": "read a frame, a traceback's frame or a code object",
    "object.__setattr__": "change a function's code or defaults",
    "object.__delattr__": "change a function's code or defaults",
    "sys._getframe": "read the call stack's frames",
    "sys._getframemodulename": "read the call stack's frames",
    "compile": "compile code from text",
    "exec": "run code from text",
    "marshal.loads": "load compiled code",
    "code.__new__": "build code",
    "function.__new__": "build a function from code",
}
# Events that change nothing outside the computation, whoever raises them.
HARMLESS = frozenset({"builtins.id", "time.sleep"})
NATIVE_SUFFIXES = (".so", ".pyd", ".dll", ".dylib")
# Packages whose compiled modules a library may load while a student's call runs (JAX loads MLIR's lazily).
COMPILED_LIBRARIES = frozenset({"torch", "numpy", "jax", "jaxlib", "flax", "ml_dtypes", "einops"})
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
REACHES_OUT = (
    ("socket.", "use the network"),
    ("ctypes.", "use ctypes"),
    ("gc.", "inspect the garbage collector"),
    ("subprocess.", "start other programs"),
    ("os.", "use the operating system"),
    ("sys.", "change the interpreter"),
    ("signal.", "send signals"),
)


def unusable(what: str) -> types.ModuleType:
    """A module that stands in for one taken out of the process: every attribute of it refuses."""
    stand_in_module = types.ModuleType(what)

    def __getattr__(name: str) -> Any:
        if name.startswith("__"):  # what introspection asks of any module
            raise AttributeError(name)
        raise PermissionError(f"grading does not let a solution use {what}")

    stand_in_module.__getattr__ = __getattr__  # type: ignore[method-assign]
    return stand_in_module


def remove_unaudited() -> None:
    """Take out of the process what starts a thread or a program, or reads and writes memory, with no audit event."""
    import _posixsubprocess
    import ctypes

    def refuse(shown: str) -> NoReturn:
        raise PermissionError(
            f"grading does not let a solution start a thread or a program, or use ctypes ({shown})"
        )

    starters = [
        getattr(_thread, name, None) for name in ("start_new_thread", "start_joinable_thread")
    ]
    memory = [
        getattr(ctypes, name)
        for name in (
            "cast",
            "memmove",
            "memset",
            "string_at",
            "wstring_at",
            "CFUNCTYPE",
            "PYFUNCTYPE",
            "CDLL",
            "PyDLL",
            "pythonapi",
            "cdll",
            "pydll",
        )
    ]
    targets = [f for f in (*starters, _posixsubprocess.fork_exec, *memory) if f is not None]
    replacements: dict[int, tuple[Any, Any]] = {
        id(f): (f, stand_in(getattr(f, "__name__", type(f).__name__), refuse)) for f in targets
    }
    modules = [
        module
        for name, module in list(sys.modules.items())
        if name.split(".")[0] in ("ctypes", "_ctypes")
    ]
    replacements.update({id(module): (module, unusable("ctypes")) for module in modules})
    replace_everywhere(replacements, [targets, memory, modules, starters])


def not_dumpable() -> None:
    """Make this process's memory out of reach of every other process, its children included."""
    import ctypes

    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE, 0) failed")


def audit_hook(student: dict, report: Callable[[bytes], Any]) -> Callable[[str, tuple], None]:
    """The hook: refuse what student code may not do, and `report` each refusal as one line of bytes.

    `student` is the notebook's namespace: a frame whose globals it is runs student code. Everything the
    hook consults is captured here, in its closure, where no code can reach it: the builtins it calls
    (a student may rebind builtins), this module's constants (a student may rebind those too), and
    `report`, which must be a C function (such as a partial of os.write). It calls no Python function
    but its own.
    """
    getframe, get_ident, kind, length, is_str, is_int, is_code, PermissionError_ = (
        sys._getframe,
        _thread.get_ident,
        type,
        len,
        str,
        int,
        types.CodeType,
        PermissionError,
    )
    allowed, compiled, asked, harmless = (
        ALLOWED_IMPORTS,
        COMPILED_LIBRARIES,
        ASKED_OF_LIBRARIES,
        HARMLESS,
    )
    natives, write_flags, reaches_out, refused_line = (
        NATIVE_SUFFIXES,
        WRITE_FLAGS,
        REACHES_OUT,
        REFUSED_LINE,
    )
    imports_allowed = ", ".join(sorted(ALLOWED_IMPORTS - {"__future__"}))
    loaded = frozenset(sys.modules)
    sources = frozenset(
        path
        for path in (getattr(m, "__file__", None) for m in list(sys.modules.values()))
        if type(path) is str
    )
    roots = tuple(
        sorted(
            {
                os.path.join(os.path.normpath(p), "")
                for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)
            }
        )
    )
    inside: set[int] = set()  # threads running the hook, whose own calls raise events too

    def readable(path: Any) -> bool:
        """Whether `path` names something in the installed Python environment, plainly."""
        if kind(path) is not is_str or "\0" in path or "/../" in path + "/" or "/./" in path + "/":
            return False
        for root in roots:  # noqa: SIM110 (any() is a builtin: the student's code could replace it)
            if path.startswith(root):
                return True
        return False

    def read_only(mode: Any, flags: Any) -> bool:
        """Whether an open's mode and flags only read."""
        text = mode if kind(mode) is is_str else ""
        number = flags if kind(flags) is is_int else 0
        return not (
            "w" in text or "a" in text or "x" in text or "+" in text or number & write_flags
        )

    def refusal(event: str, args: tuple, caller: bool, on_stack: bool) -> str:
        """Why this event is refused ("" if it is not)."""
        first: Any = args[0] if args else None
        if event == "import":
            name = first if kind(first) is is_str else "?"
            path = args[1] if length(args) > 1 and kind(args[1]) is is_str else ""
            if name in loaded:
                return f"load {name} a second time"
            if on_stack and path.endswith(natives) and name.partition(".")[0] not in compiled:
                return f"load the compiled module {name}"
            if caller and name.partition(".")[0] not in allowed:
                return f"import {name}: solutions may import only {imports_allowed}"
            return ""
        if event == "exec" and kind(first) is is_code and first.co_filename in sources:
            return f"run {first.co_filename} a second time"
        if not on_stack or event in harmless:
            return ""
        if event in asked:
            if not caller:
                return ""
            attribute = args[1] if length(args) > 1 and kind(args[1]) is is_str else ""
            return f"{asked[event]}{f' (.{attribute})' if attribute else ''}"
        if event == "open":
            if readable(first) and read_only(
                args[1] if length(args) > 1 else None, args[2] if length(args) > 2 else 0
            ):
                return ""
            return f"open {first!r}" if kind(first) is is_str else "open a file"
        if event in ("os.listdir", "os.scandir", "glob.glob", "glob.glob/2"):
            return (
                ""
                if readable(first)
                else f"list the folder {first!r}"
                if kind(first) is is_str
                else "list a folder"
            )
        for prefix, what in reaches_out:
            if event.startswith(prefix):
                return f"{what} ({event})"
        return f"do what {event} stands for"

    def hook(event: str, args: tuple) -> None:
        me = get_ident()
        if me in inside:
            return
        inside.add(me)
        try:
            calling = getframe(1)
            caller = calling.f_globals is student
            on_stack = caller
            frame: types.FrameType | None = calling
            while frame is not None and not on_stack:
                on_stack = frame.f_globals is student
                frame = frame.f_back
            why = refusal(event, args, caller, on_stack)
        finally:
            inside.discard(me)
        if why:
            try:
                report(refused_line + why.encode("unicode_escape") + b"\n")
            # the student's code closed the channel: the refusal stands all the same
            except OSError:
                pass
            raise PermissionError_(f"grading does not let a solution {why}")

    return hook


def lock_down(
    operation: Operation, refuse: Refuse, student: dict, report: Callable[[bytes], Any]
) -> None:
    """Lock this process down before student code runs in the namespace `student` (see the module's docstring)."""
    destroy(operation, refuse)
    not_dumpable()
    remove_unaudited()
    sys.addaudithook(audit_hook(student, report))


__all__ = ["lock_down"]
