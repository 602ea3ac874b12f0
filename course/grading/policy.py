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
import re
import types
from collections.abc import Callable
from dataclasses import dataclass

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


_FSTRING_START = re.compile(r"(?<![\w'\"])[rR]?[fF][rR]?('\'\'|\"\"\"|'|\")")


def fstring_needs_python312(line: str) -> bool:
    """Whether an f-string on `line` holds its own quotes (in a string that closes), a backslash or a
    comment inside its braces: Python 3.12 reads them, 3.11 does not."""
    for start in _FSTRING_START.finditer(line):
        quote, depth, i = start[1], 0, start.end()
        while i < len(line):
            if depth == 0:
                if line.startswith(quote, i):
                    break
                if line.startswith(("{{", "}}"), i):
                    i += 2
                    continue
                depth += line[i] == "{"
            elif line[i] in "\\#":
                return True
            elif line[i] in "'\"":
                close = line.find(line[i], i + 1)
                if close < 0:
                    break  # a string that never closes: an error on every Python
                if quote == line[i] or "\\" in line[i:close]:
                    return True
                i = close
            elif line[i] in "{}":
                depth += 1 if line[i] == "{" else -1
            i += 1
    return False


# Syntax the grading Python refuses but a newer one reads: (whether a failing line uses it, what to say).
NEWER_SYNTAX: list[tuple[Callable[[str, str], bool], str]] = [
    (
        lambda line, _: bool(re.match(r"\s*type\s+[A-Za-z_]\w*\s*[\[=]", line)),
        "a `type` statement is new in Python 3.12",
    ),
    (
        lambda line, _: bool(re.match(r"\s*(async\s+)?(def|class)\s+\w+\s*\[", line)),
        "type parameters in brackets are new in Python 3.12",
    ),
    (
        lambda line, error: error.startswith("f-string") and fstring_needs_python312(line),
        "an f-string that holds its own quotes, a backslash or a comment inside its braces is new "
        "in Python 3.12",
    ),
    (
        lambda _, error: error.startswith("multiple exception types must be parenthesized"),
        "`except A, B:` without parentheses is new in Python 3.14",
    ),
]


def syntax_message(source: str, error: SyntaxError) -> str:
    """What to say about a solution that does not parse on the grading Python: the error, and the newer
    Python's syntax it uses where that is why."""
    lines = source.splitlines()
    line = lines[error.lineno - 1] if error.lineno and error.lineno <= len(lines) else ""
    newer = next((note for uses, note in NEWER_SYNTAX if uses(line, error.msg)), "")
    return f"syntax error in {graded_on()}, which grades: {error.msg}" + (
        f"; {newer}" if newer else ""
    )


def violations(source: str, operation: Operation) -> list[Violation]:
    """Everything in a solution cell's `source` that grading refuses before running it, for an exercise that
    forbids `operation`."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        return [Violation(error.lineno or 0, syntax_message(source, error))]
    return import_violations(tree) + spelling_violations(tree, operation)
