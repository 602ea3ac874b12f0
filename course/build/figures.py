"""`make figures`: run the source notebooks and save every figure they draw as a PNG, to be looked at.

A figure is judged by looking at it: after changing a notebook or `course/plots.py`, open the PNGs
in figures/<assignment>/ (named by cell position and id) before calling the change done.
"""

import argparse
import base64
import os
import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from course.build.contract import ASSIGNMENTS, Assignment, find_assignment


def drawing_inline() -> dict[str, str]:
    """This environment without MPLBACKEND: a kernel then draws inline, into the notebook, as a student's does.

    The Makefile's Agg, which keeps the tests' kernels from drawing, would draw nothing there."""
    return {name: value for name, value in os.environ.items() if name != "MPLBACKEND"}


def save_figures(assignment: Assignment, root: Path, out: Path) -> list[Path]:
    """Execute one source notebook (reference answers included) and write its figures under `out`."""
    path = assignment.path(root / "source")
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute(env=drawing_inline())
    folder = out / assignment.id
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    saved = []
    for index, cell in enumerate(notebook.cells):
        images = [
            o["data"]["image/png"]
            for o in cell.get("outputs", [])
            if "image/png" in o.get("data", {})
        ]
        for number, image in enumerate(images):
            target = folder / f"{index:02d}-{cell.get('id')}-{number}.png"
            target.write_bytes(base64.b64decode(image))
            saved.append(target)
    return saved


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the course folder (default: here)"
    )
    parser.add_argument(
        "--out", type=Path, default=Path("figures"), help="where the PNGs go (default: figures/)"
    )
    parser.add_argument("--assignment", help="only this assignment (default: all)")
    options = parser.parse_args()
    for assignment in (
        ASSIGNMENTS if options.assignment is None else [find_assignment(options.assignment)]
    ):
        saved = save_figures(assignment, options.root.resolve(), options.out)
        print(f"{assignment.id}: {len(saved)} figures in {options.out / assignment.id}/")


if __name__ == "__main__":
    main()
