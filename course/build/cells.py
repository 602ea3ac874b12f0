"""Reading nbgrader notebooks: cell roles, marked regions, top-level definitions."""

import ast
import re

from nbformat import NotebookNode

SOLUTION_REGION = re.compile(r"^[ \t]*### BEGIN SOLUTION[ \t]*\n(.*?)^[ \t]*### END SOLUTION[ \t]*$", re.M | re.S)
HIDDEN_REGION = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS[ \t]*\n(.*?)^[ \t]*### END HIDDEN TESTS[ \t]*$", re.M | re.S)
MARKERS = re.compile(r"### (BEGIN|END) (SOLUTION|HIDDEN TESTS)")
STUB = "raise NotImplementedError()"


def nbgrader_meta(cell: NotebookNode) -> dict:
    """The cell's nbgrader metadata, empty if it has none."""
    return cell.get("metadata", {}).get("nbgrader", {})


def is_solution(cell: NotebookNode) -> bool:
    """Whether the cell is a code cell the student writes in."""
    return cell.cell_type == "code" and bool(nbgrader_meta(cell).get("solution"))


def is_grade(cell: NotebookNode) -> bool:
    """Whether the cell is graded (autograder tests)."""
    return bool(nbgrader_meta(cell).get("grade"))


def grade_id(cell: NotebookNode) -> str | None:
    """The cell's nbgrader grade id, if any."""
    return nbgrader_meta(cell).get("grade_id")


def hidden_text(cell: NotebookNode) -> list[str]:
    """Text of the solution and hidden-test regions of a cell."""
    return SOLUTION_REGION.findall(cell.source) + HIDDEN_REGION.findall(cell.source)


def top_level_definitions(source: str) -> set[str]:
    """Names a cell defines at top level with def, class or assignment ('' if it does not parse)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names
