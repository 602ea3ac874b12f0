"""The import boundary between the student's process and the grader's, as the folder tree draws it.

- `course/kernel/` runs only in a student's process: the notebook helpers, the visible checks and
  the part of an exercise that calls answers, the payload's encoder, the switches and the lockdown,
  the grading process itself.
- `course/judging/` and `course/exercises/` (and `course/versions.py`) are shared: what an exercise asks
  and how it is judged, which the student's visible checks and the grader's verdicts both use.
- `course/grading/` and `course/build/` run only on the grader's (and instructor's) side.

Shared code imports only shared code; kernel code imports kernel and shared code; grader code never
imports kernel code (it reads kernel modules' sources to embed or ship them, and never runs them).
"""

import ast
import subprocess
import sys
from pathlib import Path

COURSE = Path(__file__).resolve().parent.parent / "course"


def zone(module: str) -> str:
    """The side a course module belongs to: "kernel", "shared" or "grader"."""
    parts = module.split(".")
    if len(parts) > 1 and parts[1] == "kernel":
        return "kernel"
    if len(parts) == 1 or parts[1] in ("judging", "exercises", "versions"):
        return "shared"
    return "grader"


def course_imports(path: Path) -> set[str]:
    """The course modules a file imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.split(".")[0] == "course"
        ):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "course"}
    return found


def modules() -> dict[str, Path]:
    """Every module of the course package, by dotted name."""
    found = {}
    for path in sorted(COURSE.rglob("*.py")):
        parts = path.relative_to(COURSE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


ALLOWED = {"shared": {"shared"}, "kernel": {"kernel", "shared"}, "grader": {"grader", "shared"}}


def test_no_module_imports_from_the_wrong_side():
    wrong = [
        f"{name} ({zone(name)}) imports {imported} ({zone(imported)})"
        for name, path in modules().items()
        for imported in course_imports(path)
        if zone(imported) not in ALLOWED[zone(name)]
    ]
    assert wrong == [], "\n".join(wrong)


def test_every_zone_has_its_modules():
    zones = {zone(name) for name in modules()}
    assert zones == {"kernel", "shared", "grader"}
    assert {
        "course.kernel.lockdown",
        "course.kernel.switches",
        "course.kernel.process",
        "course.kernel.encode",
        "course.kernel.notebook",
    } <= set(modules())


def test_importing_all_of_the_graders_side_loads_nothing_of_the_students_side():
    grader = [name for name in modules() if zone(name) == "grader"]
    program = (
        "import importlib, sys\n"
        f"for name in {grader!r}:\n    importlib.import_module(name)\n"
        "print(sorted(name for name in sys.modules if name.startswith('course.kernel')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
