"""`make similarity`: pairs of students whose solution cells are the same program, for an instructor to read.

Two solution cells are the same program when their syntax trees are equal once every name the cell
binds is renamed in order of first use (v0, v1, ...) and docstrings are dropped: renaming variables,
reformatting, re-commenting or rewording a docstring changes nothing, while library calls, attribute
names and the structure must match. Cells left as the stub, and cells that add fewer than
`--min-size` syntax nodes to the stub's, are not compared: short answers coincide honestly.

It writes `reports/similarity/<assignment>.html` (pairs ranked by how many exercises they share,
then by the size of what they share, with the two cells side by side) and `reports/similarity.csv`.
It never changes a grade, and a match is a reason to talk to the students, not proof of anything.
"""

import argparse
import ast
import csv
import html
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from course.build.cells import grade_id, is_solution
from course.build.contract import ASSIGNMENTS, Assignment
from course.grading.intake import find_notebook, read_submission, student_answers

MIN_SIZE = 40  # syntax nodes beyond the stub's: about three lines of real code


class Canonical(ast.NodeTransformer):
    """Renames the names a cell binds to v0, v1, ... in order of first use, and drops docstrings."""

    def __init__(self, bound: set[str]) -> None:
        self.bound = bound
        self.names: dict[str, str] = {}

    def name(self, name: str) -> str:
        """The canonical name of `name` (unchanged if the cell does not bind it)."""
        if name not in self.bound:
            return name
        return self.names.setdefault(name, f"v{len(self.names)}")

    def visit_Name(self, node: ast.Name) -> ast.Name:
        node.id = self.name(node.id)
        return node

    def visit_arg(self, node: ast.arg) -> ast.arg:
        node.arg, node.annotation = self.name(node.arg), None
        return node

    def visit_alias(self, node: ast.alias) -> ast.alias:
        if node.asname:
            node.asname = self.name(node.asname)
        return node

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> ast.AST:
        if node.name:
            node.name = self.name(node.name)
        return self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        node.name, node.returns = self.name(node.name), None
        return self.without_docstring(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        node.name = self.name(node.name)
        return self.without_docstring(node)

    def without_docstring(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
    ) -> ast.AST:
        """Visit a definition whose first statement, if a string, is dropped."""
        first = node.body[0] if node.body else None
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            node.body = node.body[1:] or [ast.Pass()]
        return self.generic_visit(node)


def bound_names(tree: ast.AST) -> set[str]:
    """Every name a piece of code binds: assignments, parameters, definitions, imports' aliases, handlers."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.alias) and node.asname:
            names.add(node.asname)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
    return names


def program(source: str) -> tuple[str, int] | None:
    """A cell's program, canonical, and its size in syntax nodes (None if it does not parse)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    tree = Canonical(bound_names(tree)).visit(tree)
    return ast.dump(tree, annotate_fields=False), sum(1 for _ in ast.walk(tree))


@dataclass
class Pair:
    """Two students whose cells are the same program in some exercises."""

    students: tuple[str, str]
    shared: list[tuple[str, int, str, str]] = field(
        default_factory=list
    )  # exercise, size, both cells

    def rank(self) -> tuple[int, int]:
        """How suspicious the pair looks: exercises shared, then nodes shared."""
        return len(self.shared), sum(size for _, size, _, _ in self.shared)


def answers_by_student(
    root: Path, assignment: Assignment, release: nbformat.NotebookNode
) -> dict[str, dict[str, str]]:
    """student -> grade id -> solution cell source, from submitted/, as the intake reads submissions."""
    found = {}
    for folder in sorted((root / "submitted").glob(f"*/{assignment.id}")):
        path, _ = find_notebook(folder, assignment.notebook)
        notebook = read_submission(path)[0] if path else None
        if notebook is not None:
            found[folder.parent.name] = student_answers(notebook, release)[0]
    return found


def similar_pairs(root: Path, assignment: Assignment, min_size: int = MIN_SIZE) -> list[Pair]:
    """The pairs of students with the same program in at least one exercise, most suspicious first."""
    release = nbformat.read(assignment.path(root / "release"), as_version=4)
    stubs = {str(grade_id(c)): program(c.source) for c in release.cells if is_solution(c)}
    groups: dict[tuple[str, str], list[tuple[str, str, int]]] = defaultdict(list)
    for student, answers in answers_by_student(root, assignment, release).items():
        for exercise, source in answers.items():
            found, stub = program(source), stubs.get(exercise)
            if found is None or found == stub:
                continue
            size = found[1] - (stub[1] if stub else 0)
            if size >= min_size:
                groups[exercise, found[0]].append((student, source, size))
    pairs: dict[tuple[str, str], Pair] = {}
    for (exercise, _), members in groups.items():
        for i, (first, first_source, size) in enumerate(members):
            for second, second_source, _ in members[i + 1 :]:
                pair = pairs.setdefault((first, second), Pair((first, second)))
                pair.shared.append((exercise, size, first_source, second_source))
    return sorted(pairs.values(), key=Pair.rank, reverse=True)


def page(assignment: Assignment, pairs: list[Pair]) -> str:
    """The HTML report of one assignment: each pair, and its shared cells side by side."""
    parts = [
        f"<html><head><meta charset='utf-8'><title>Similar solutions: {assignment.id}</title></head>",
        "<body style='font-family: sans-serif'>",
        f"<h1>{assignment.id}: {len(pairs)} pair(s) with the same program in an exercise</h1>",
        "<p>Same syntax tree after renaming variables and dropping comments and docstrings. "
        "A reason to talk to the students, not proof: grades are unchanged.</p>",
    ]
    for pair in pairs:
        first, second = (html.escape(s) for s in pair.students)
        parts.append(f"<h2>{first} and {second}: {len(pair.shared)} exercise(s)</h2>")
        for exercise, size, one, other in pair.shared:
            parts.append(
                f"<h3>{html.escape(exercise)} ({size} nodes beyond the stub)</h3>"
                "<table style='width: 100%; table-layout: fixed'><tr>"
                + "".join(
                    f"<td style='vertical-align: top'><b>{name}</b><pre>{html.escape(code)}</pre></td>"
                    for name, code in ((first, one), (second, other))
                )
                + "</tr></table>"
            )
    return "\n".join(parts + ["</body></html>"])


def write_similarity(root: Path, min_size: int = MIN_SIZE) -> dict[str, list[Pair]]:
    """Write the similarity reports of every assignment with submissions; return the pairs found."""
    folder = root / "reports" / "similarity"
    folder.mkdir(parents=True, exist_ok=True)
    found = {
        a.id: similar_pairs(root, a, min_size)
        for a in ASSIGNMENTS
        if (root / "release" / a.id).exists()
    }
    with open(root / "reports" / "similarity.csv", "w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["assignment", "student", "other_student", "exercises", "nodes"])
        for name, pairs in found.items():
            for pair in pairs:
                exercises = ";".join(exercise for exercise, *_ in pair.shared)
                out.writerow([name, *pair.students, exercises, pair.rank()[1]])
    for assignment in ASSIGNMENTS:
        if assignment.id in found:
            (folder / f"{assignment.id}.html").write_text(page(assignment, found[assignment.id]))
    return found


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the course folder (default: here)"
    )
    parser.add_argument(
        "--min-size", type=int, default=MIN_SIZE, help="nodes beyond the stub to compare a cell"
    )
    options = parser.parse_args()
    found = write_similarity(options.root.resolve(), options.min_size)
    for assignment, pairs in found.items():
        print(
            f"{assignment}: {len(pairs)} pair(s) of students with the same program in an exercise"
        )
    print("wrote reports/similarity/ and reports/similarity.csv")


if __name__ == "__main__":
    main()
