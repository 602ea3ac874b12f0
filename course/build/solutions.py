"""`make publish-solutions DEST=folder [ASSIGNMENT=id]`: add solution notebooks to the student repository.

After the deadline, each assignment's solution notebook is its student notebook from release/ with
the reference answers (source/'s solution cells, without nbgrader's markers) in its solution cells:
its visible checks pass, and its hidden tests, which release/ never holds, stay out. They go to
`solutions/<assignment>/<notebook>` in DEST, the repository `make publish` writes, as one new
commit; the student notebooks and the earlier commits stay as they were, and `make publish` keeps
`solutions/`. Nothing is pushed: review DEST, then push it.
"""

import argparse
import sys
from datetime import date
from pathlib import Path

import nbformat
from nbformat.v4 import new_markdown_cell

from course.build.cells import reference_answers, submission
from course.build.colab import BADGE_CELL_ID, badge, colab_url
from course.build.contract import ASSIGNMENTS, Assignment, find_assignment
from course.build.publish import SOLUTIONS, commit_changes

HEADING = (
    "**Solutions.** These are the course's reference answers, released after the deadline. Each is one "
    "way to pass: compare it with yours, and run the checks to see them pass."
)


def solution_notebook(root: Path, assignment: Assignment) -> nbformat.NotebookNode:
    """The student notebook of `assignment` with the reference answers filled in, badged for its own path."""
    release = nbformat.read(assignment.path(root / "release"), as_version=4)
    source = nbformat.read(assignment.path(root / "source"), as_version=4)
    notebook = submission(release, reference_answers(source))
    url = colab_url(assignment.id, assignment.notebook, folder=SOLUTIONS)
    heading = new_markdown_cell(f"{badge(url)}\n\n{HEADING}")
    heading.id = BADGE_CELL_ID
    notebook.cells = [heading] + [
        cell for cell in notebook.cells if cell.get("id") != BADGE_CELL_ID
    ]
    return notebook


def publish_solutions(root: Path, dest: Path, assignments: list[Assignment]) -> str | None:
    """Write these assignments' solution notebooks into the student repository `dest` and commit them.

    Returns the new commit, or None if they were there already."""
    if not (dest / ".git").exists():
        raise FileNotFoundError(
            f"{dest} is not a student repository yet: run `make publish DEST={dest}` first"
        )
    for assignment in assignments:
        path = dest / SOLUTIONS / assignment.id / assignment.notebook
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(solution_notebook(root, assignment), path)
    names = ", ".join(assignment.id for assignment in assignments)
    return commit_changes(
        dest, f"Solutions of {names}, released {date.today().isoformat()}", SOLUTIONS
    )


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "dest", type=Path, help="the student repository's folder (from make publish)"
    )
    parser.add_argument(
        "--assignment", help="release only this assignment's solutions (default: all)"
    )
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the course folder (default: here)"
    )
    options = parser.parse_args()
    chosen = [find_assignment(options.assignment)] if options.assignment else list(ASSIGNMENTS)
    try:
        commit = publish_solutions(options.root.resolve(), options.dest.resolve(), chosen)
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        sys.exit(1)
    print(
        f"{options.dest}: {'committed ' + commit[:12] if commit else 'those solutions are there already'}; "
        "review it, then push it yourself."
    )


if __name__ == "__main__":
    main()
