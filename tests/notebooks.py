"""Helpers for tests that read and execute notebooks (submissions are built by course.build.cells)."""

import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode


def execute(nb: NotebookNode, folder: Path, env: dict[str, str] | None = None) -> NotebookNode:
    """Run a notebook top to bottom in `folder` with a fresh kernel, keeping going after errors."""
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        client = NotebookClient(
            nb,
            timeout=300,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": str(folder)}},
        )
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return nb


def errors(nb: NotebookNode) -> list[str]:
    """'cell id: error type: message' for every error output of an executed notebook."""
    return [
        f"{cell.get('id')}: {output.ename}: {output.evalue}"
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.output_type == "error"
    ]


def read(path: Path) -> NotebookNode:
    """Read a notebook as nbformat 4."""
    return nbformat.read(path, as_version=4)
