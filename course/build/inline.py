"""Embed the course's notebook helpers in a notebook, so it runs where `course` is not installed.

A source notebook imports helpers with lines such as `from course.exercises.strides import *`.
In the student version, the same cell first registers each imported module, and every course
module those import, from embedded copies of their source, so the import lines work unchanged,
with the same names, on Colab or anywhere. The grading sandbox ships kernel-side modules to its
grading processes the same way (`kernel_modules`).

Sources are read from the course's files, never imported: the grader's side imports nothing of
the student's side (`course.kernel`).
"""

import ast
import re
from pathlib import Path

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

HELPER_IMPORT = re.compile(r"^from course\.([\w.]+) import \*[ \t]*$", re.MULTILINE)
COURSE = Path(__file__).resolve().parents[1]

LOADER = '''# @title Course helpers: run this cell (its code is folded; no need to read it)
# `make release` embedded the course's helper modules below, so this notebook runs without the course's files.
import sys as _sys
import types as _types


def _install_course_module(name, source):
    """Register `course.<name>` (and the packages above it) from its embedded source."""
    parts = ["course", *name.split(".")]
    for depth in range(1, len(parts)):
        package = ".".join(parts[:depth])
        if package not in _sys.modules:
            _sys.modules[package] = _types.ModuleType(package)
            _sys.modules[package].__path__ = []
    module = _types.ModuleType(".".join(parts))
    module.__file__ = "/".join(parts) + ".py"
    _sys.modules[module.__name__] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)

'''


class HelperSourceError(ValueError):
    """A helper module's source cannot be embedded in a notebook."""


def helper_source(name: str) -> str:
    """The source of `course.<name>`, read from its file and checked to be embeddable in a raw ''' string."""
    source = COURSE.joinpath(*name.split(".")).with_suffix(".py").read_text(encoding="utf-8")
    if "'''" in source or source.rstrip("\n").endswith("\\"):
        raise HelperSourceError(
            f"course/{name}.py cannot be embedded: it contains ''' or ends with a backslash"
        )
    return source


def course_imports(source: str) -> list[str]:
    """The course modules (names below `course.`) a module's source imports."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("course."):
            found.append(node.module.removeprefix("course."))
        elif isinstance(node, ast.Import):
            found += [
                alias.name.removeprefix("course.")
                for alias in node.names
                if alias.name.startswith("course.")
            ]
    return found


def with_dependencies(names: list[str]) -> list[str]:
    """`names` and every course module they import, each after the modules it needs."""
    ordered: list[str] = []

    def visit(name: str) -> None:
        if name not in ordered:
            for dependency in course_imports(helper_source(name)):
                visit(dependency)
            ordered.append(name)

    for name in names:
        visit(name)
    return ordered


def kernel_modules(name: str) -> dict[str, str]:
    """`course.<name>` and every course module it imports, as {dotted name: source}, each after what it needs."""
    return {f"course.{module}": helper_source(module) for module in with_dependencies([name])}


def helper_modules(source: str) -> list[str]:
    """Names of the course modules a cell imports with `from course.<name> import *`."""
    return HELPER_IMPORT.findall(source)


def embed_helpers(source: str) -> str:
    """The cell `source`, preceded by embedded copies of the helper modules it needs."""
    installs = "".join(
        f"_install_course_module({name!r}, r'''{helper_source(name)}''')\n"
        for name in with_dependencies(helper_modules(source))
    )
    return f"{LOADER}{installs}\n{source}"


class EmbedCourseHelpers(NbGraderPreprocessor):
    """nbgrader preprocessor: embed the helpers a cell imports and fold the cell in Jupyter and Colab."""

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict, index: int
    ) -> tuple[NotebookNode, dict]:
        """Embed helpers in a cell that imports them; leave every other cell alone."""
        if cell.cell_type == "code" and helper_modules(cell.source):
            cell.source = embed_helpers(cell.source)
            cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
            cell.metadata["cellView"] = "form"
        return cell, resources
