"""What grading checks in a solution cell's source before it runs: only what must be said first, kindly.

Whatever a solution could do to reach beyond its exercise is refused while it runs, by what it does,
however it is spelled (`course.kernel.lockdown`). The source is checked for three things only:

- it must parse, as the Python that grades reads it (a newer Python's syntax is named as such);
- it may import only the course's libraries and a few standard modules (the grading process refuses
  the others too, but a message before anything runs is clearer);
- where a library offers no switch for the exercise's forbidden operation, the solution may not spell
  it: NumPy's `@` is a C slot of its arrays, which only the operator reaches.
"""

import ast
import importlib
import types
from dataclasses import dataclass

from course.grading.newer_syntax import newer_features
from course.judging.forbidden import ALLOWED_IMPORTS, Operation
from course.versions import graded_on


@dataclass(frozen=True)
class Violation:
    """One thing a solution cell does that grading does not allow."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def _module_attribute(module: str, name: str) -> types.ModuleType | None:
    """The module `module.name` stands for, if it is a module (only allowed packages are imported to look)."""
    if module.partition(".")[0] not in ALLOWED_IMPORTS:
        return None
    try:
        value = getattr(importlib.import_module(module), name, None)
    except Exception:
        return None
    return value if isinstance(value, types.ModuleType) else None


def import_violations(tree: ast.Module) -> list[Violation]:
    """Imports of anything but the allowed libraries and standard modules, however they are written."""
    allowed = ", ".join(sorted(ALLOWED_IMPORTS - {"__future__"}))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                found.append(
                    Violation(node.lineno, "a relative import; solution cells import by full name")
                )
                continue
            modules = [node.module or ""]
            reached = [_module_attribute(node.module or "", alias.name) for alias in node.names]
            modules += [module.__name__ for module in reached if module is not None]
        else:
            continue
        found += [
            Violation(node.lineno, f"imports {module!r}; solution cells may import only {allowed}")
            for module in modules
            if module.partition(".")[0] not in ALLOWED_IMPORTS
        ]
    return found


def spelling_violations(tree: ast.Module, operation: Operation) -> list[Violation]:
    """Spellings of `operation` that no library can switch off: NumPy's `@` operator."""
    if "@" not in operation.source:
        return []
    return [
        Violation(
            node.lineno,
            f"uses the @ operator: a library's {operation.name}, which this exercise asks "
            f"you to write yourself",
        )
        for node in ast.walk(tree)
        if isinstance(node, (ast.BinOp, ast.AugAssign)) and isinstance(node.op, ast.MatMult)
    ]


def syntax_message(source: str, error: SyntaxError) -> str:
    """What to say about a solution that does not parse on the grading Python: the error, and the newer
    Python's syntax that is why, where it is."""
    newer = "".join(
        f"; {feature.what} is new in Python {feature.python}" for feature in newer_features(source)
    )
    return f"syntax error in {graded_on()}, which grades: {error.msg}{newer}"


def violations(source: str, operation: Operation) -> list[Violation]:
    """Everything in a solution cell's `source` that grading refuses before running it, for an exercise that
    forbids `operation`."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        return [Violation(error.lineno or 0, syntax_message(source, error))]
    return import_violations(tree) + spelling_violations(tree, operation)
