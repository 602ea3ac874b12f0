"""Source notebooks as text: each `source/<assignment>/<notebook>.ipynb` has a MyST Markdown twin.

The twin (jupytext's `md:myst` format, `source/jupytext.toml`) holds the same cells, nbgrader metadata
included, as text: a change to a hidden test, a check or a paragraph reviews as a text diff. nbgrader
reads the `.ipynb`; `make sync` writes whichever file of a pair is older from the newer one
(`jupytext --sync`), and `make release` and `make lint` refuse a pair that differs.

`python -m course.build.pairs` says which pairs differ and how to bring them together.
"""

import sys
from pathlib import Path

import nbformat

from course.build.contract import ASSIGNMENTS

TWIN_SUFFIX = ".md"


def twin(notebook: Path) -> Path:
    """The text twin of a source notebook."""
    return notebook.with_suffix(TWIN_SUFFIX)


def cells(notebook: nbformat.NotebookNode) -> list[tuple[str, str, dict]]:
    """What a pair must agree on: each cell's type, source and metadata, in order."""
    return [(cell.cell_type, cell.source, dict(cell.metadata)) for cell in notebook.cells]


def differences(notebook: Path) -> str:
    """How a source notebook and its twin differ ("" if they agree), in one line."""
    text = twin(notebook)
    if not text.exists():
        return "it has no text twin"
    import jupytext  # here, not at the top: every nbgrader command loads this module for `twin`

    ours, theirs = cells(nbformat.read(notebook, as_version=4)), cells(jupytext.read(text))
    if len(ours) != len(theirs):
        return f"{len(ours)} cells against {len(theirs)} in the twin"
    changed = [number for number, (a, b) in enumerate(zip(ours, theirs)) if a != b]
    if len(changed) == 1:
        return f"cell {changed[0] + 1} differs"
    if changed:
        listed = ", ".join(str(number + 1) for number in changed[:5])
        return f"cells {listed}{' ...' if len(changed) > 5 else ''} differ"
    return ""


def out_of_sync(root: Path) -> list[str]:
    """Every source notebook whose twin differs from it, with the file to regenerate."""
    problems = []
    for assignment in ASSIGNMENTS:
        notebook = assignment.path(root / "source")
        found = differences(notebook) if notebook.exists() else ""
        if found:
            text = twin(notebook)
            newer, older = (
                (text, notebook)
                if text.exists() and text.stat().st_mtime > notebook.stat().st_mtime
                else (notebook, text)
            )
            problems.append(
                f"{notebook.relative_to(root)} and its twin {text.name} differ ({found}): "
                f"{older.relative_to(root)} is older; `make sync` writes it from {newer.name}"
            )
    return problems


def main() -> int:
    """Print the pairs that differ; exit 1 if any does."""
    problems = out_of_sync(Path.cwd())
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
