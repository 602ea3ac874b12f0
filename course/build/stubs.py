"""Student stubs that let Run All go on: a solution region at a cell's top level becomes `name = None` lines.

nbgrader replaces every solution region with `raise NotImplementedError()`. Inside a function
that only raises when the student's code is called; at a cell's top level (01's warm-up pairs) it
would stop Run All at that cell. There the stub binds each name the region assigns to None
instead, which the exercise's check reads as "not written yet".
"""

import ast
import re

from nbformat import NotebookNode
from nbgrader.preprocessors import ClearSolutions

from course.build.cells import SOLUTION_REGION, STUB_MARK


def assigned_names(code: str) -> list[str]:
    """The names that top-level assignments in `code` bind, in order, each once."""
    names = [
        target.id
        for statement in ast.parse(code).body
        if isinstance(statement, (ast.Assign, ast.AnnAssign))
        for target in (
            statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        )
        if isinstance(target, ast.Name)
    ]
    return list(dict.fromkeys(names))


def top_level_stub(code: str) -> str:
    """The stub for a top-level solution region: the mark, then `name = None` for each name it assigns."""
    return "\n".join([STUB_MARK, *(f"{name} = None" for name in assigned_names(code))])


class ClearSolutionsThatRun(ClearSolutions):
    """nbgrader's ClearSolutions, except that a top-level solution region binds its names to None."""

    def _replace_solution_region(self, cell: NotebookNode, language: str) -> bool:
        """As nbgrader does, but an unindented region of a code cell gets `top_level_stub`."""
        if cell.cell_type != "code" or language != "python":
            return super()._replace_solution_region(cell, language)
        top_level = [
            m for m in SOLUTION_REGION.finditer(cell.source) if not re.match(r"[ \t]", m[0])
        ]
        for region in reversed(top_level):
            cell.source = (
                cell.source[: region.start()]
                + top_level_stub(region[1])
                + cell.source[region.end() :]
            )
        return super()._replace_solution_region(cell, language) or bool(top_level)
