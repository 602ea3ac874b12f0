"""`make release`: check the sources, build the student versions with nbgrader, check what was built.

It builds nothing while a source notebook and its text twin differ (`course.build.pairs`)."""

import argparse
import sys
from pathlib import Path

import nbformat

from course.build.contract import ASSIGNMENTS, Assignment, find_assignment
from course.build.pairs import out_of_sync
from course.build.readme import update_readme
from course.build.verify import hidden_test_problems, points, release_problems, source_problems
from course.nbgrader_cli import nbgrader


def generate(root: Path, assignment: Assignment) -> None:
    """Run `nbgrader generate_assignment --force` for one assignment; raise if nbgrader reports an error."""
    result = nbgrader(root, "generate_assignment", assignment.id, "--force")
    log = result.stdout + result.stderr
    if result.returncode != 0 or "| ERROR]" in log:
        raise RuntimeError(f"nbgrader generate_assignment {assignment.id} failed:\n{log}")


def check_source(
    root: Path, assignment: Assignment
) -> tuple[nbformat.NotebookNode | None, list[str]]:
    """The source notebook of an assignment, and what is wrong with it (None if it cannot be read)."""
    path = assignment.path(root / "source")
    if not path.exists():
        return None, [f"{path.relative_to(root)}: missing"]
    source = nbformat.read(path, as_version=4)
    found = source_problems(source, assignment.graded_names)
    try:
        found += hidden_test_problems(source, assignment.exercises_module)
    except ImportError as error:
        found.append(f"its exercises module cannot be imported: {error}")
    return source, [f"{path.relative_to(root)}: {problem}" for problem in found]


def build(root: Path, only: str | None = None) -> list[str]:
    """Build every assignment below `root` (or just the one with id `only`) whose source is sound.

    Returns all problems found and prints a summary line per assignment. An assignment with
    problems in its source is not built, and the build as a whole fails, but the others are built.
    """
    problems: list[str] = []
    for assignment in ASSIGNMENTS if only is None else [find_assignment(only)]:
        source, found = check_source(root, assignment)
        problems += found
        if source is None or found:
            print(
                f"{assignment.id:16} {assignment.notebook:20} not built: {len(found)} problem(s) in its source"
            )
            continue
        generate(root, assignment)
        path = assignment.path(root / "release")
        found = release_problems(source, nbformat.read(path, as_version=4))
        problems += [f"{path.relative_to(root)}: {p}" for p in found]
        graded = sum(
            1 for cell in source.cells if cell.get("metadata", {}).get("nbgrader", {}).get("grade")
        )
        status = "ok" if not found else f"{len(found)} problems"
        print(
            f"{assignment.id:16} {assignment.notebook:20} {graded} graded cells, {points(source):g} points: {status}"
        )
    if only is None and (root / "README.md").exists() and update_readme(root / "README.md"):
        print("README.md: notebook table updated")
    return problems


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the course folder (default: here)"
    )
    parser.add_argument("--assignment", help="build only this assignment (default: all)")
    options = parser.parse_args()
    root = options.root.resolve()
    problems = out_of_sync(root) or build(root, options.assignment)
    for problem in problems:
        print(f"ERROR: {problem}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
