"""Reading nbgrader notebooks: cell roles, marked regions, top-level definitions."""

import ast
import copy
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from nbformat import NotebookNode

SOLUTION_REGION = re.compile(
    r"^[ \t]*### BEGIN SOLUTION[ \t]*\n(.*?)^[ \t]*### END SOLUTION[ \t]*$", re.M | re.S
)
HIDDEN_REGION = re.compile(
    r"^[ \t]*### BEGIN HIDDEN TESTS[ \t]*\n(.*?)^[ \t]*### END HIDDEN TESTS[ \t]*$", re.M | re.S
)
MARKERS = re.compile(r"### (BEGIN|END) (SOLUTION|HIDDEN TESTS)")
STUB = "raise NotImplementedError()"
STUB_MARK = "# YOUR CODE HERE"  # the first line of every stub a solution region leaves


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


@dataclass(frozen=True)
class HiddenCall:
    """The one statement a hidden-test region runs: `hidden_tests("<name>", <answer>, cases=[...], ...)`.

    `substitutes` are the names its `substitutes={...}` replaces with reference versions.
    """

    exercise: str
    cases: list[dict[str, Any]]
    substitutes: tuple[str, ...] = ()


class HiddenTestsFormatError(ValueError):
    """A hidden-test region that is not one `hidden_tests(...)` call with literal cases."""


def hidden_call(source: str) -> HiddenCall:
    """The exercise name and literal cases of the `hidden_tests` call in a test cell's hidden region.

    The region may define helpers (reference versions of earlier exercises) before the call;
    the call must come last, name the exercise as a string and give `cases=` as a literal list.
    """
    regions = HIDDEN_REGION.findall(source)
    if len(regions) != 1:
        raise HiddenTestsFormatError("expected exactly one hidden-test region")
    try:
        body = ast.parse(regions[0]).body
    except SyntaxError as error:
        raise HiddenTestsFormatError(
            f"the hidden-test region does not parse: {error.msg}"
        ) from None
    last = body[-1] if body else None
    call = last.value if isinstance(last, ast.Expr) else None
    if not (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id == "hidden_tests"
    ):
        raise HiddenTestsFormatError(
            "the hidden-test region must end with a hidden_tests(...) call"
        )
    keywords = {keyword.arg: keyword.value for keyword in call.keywords}
    if not (
        call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
    ):
        raise HiddenTestsFormatError("hidden_tests(...) must name its exercise as a string first")
    if "cases" not in keywords:
        raise HiddenTestsFormatError("hidden_tests(...) must give its cases as cases=[...]")
    try:
        cases = ast.literal_eval(keywords["cases"])
    except ValueError:
        raise HiddenTestsFormatError("cases=[...] must be a literal list of dicts") from None
    if not (isinstance(cases, list) and cases and all(isinstance(case, dict) for case in cases)):
        raise HiddenTestsFormatError("cases=[...] must be a non-empty list of dicts")
    replaced = keywords.get("substitutes")
    if replaced is not None and not (
        isinstance(replaced, ast.Dict)
        and all(
            isinstance(key, ast.Constant) and isinstance(key.value, str) for key in replaced.keys
        )
    ):
        raise HiddenTestsFormatError("substitutes={...} must be a dict with names as its keys")
    names = tuple(key.value for key in replaced.keys) if replaced is not None else ()  # type: ignore[union-attr]
    return HiddenCall(call.args[0].value, cases, names)


def cell_seconds(cell: NotebookNode) -> float:
    """How long an executed cell ran, from the timing nbclient records."""
    timing = cell.get("metadata", {}).get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    return (
        datetime.fromisoformat(end.rstrip("Z")) - datetime.fromisoformat(start.rstrip("Z"))
    ).total_seconds()


def reference_answers(source: NotebookNode) -> dict[str, str]:
    """The reference solution cells of a source notebook, by grade id, without nbgrader's markers."""
    return {
        str(grade_id(cell)): SOLUTION_REGION.sub(r"\1", cell.source)
        for cell in source.cells
        if is_solution(cell)
    }


def submission(release: NotebookNode, answers: dict[str, str]) -> NotebookNode:
    """A copy of a student notebook with the solution cells in `answers` filled in."""
    filled = copy.deepcopy(release)
    for cell in filled.cells:
        if is_solution(cell) and str(grade_id(cell)) in answers:
            cell.source = answers[str(grade_id(cell))]
    return filled
