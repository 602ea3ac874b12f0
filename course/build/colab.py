""" "Open in Colab" links, built from the student repository's URL in pyproject.toml ([tool.course]).

Students open notebooks from the public student repository that `make publish` writes, where each
notebook lies at <assignment>/<notebook>.ipynb; the course repository itself stays private.
"""

import tomllib
from pathlib import Path

from nbformat import NotebookNode
from nbformat.v4 import new_markdown_cell
from nbgrader.preprocessors import NbGraderPreprocessor

BADGE_IMAGE = "https://colab.research.google.com/assets/colab-badge.svg"
BADGE_CELL_ID = "open-in-colab"
REPO_ROOT = Path(__file__).resolve().parents[2]


def student_repository() -> tuple[str, str]:
    """(owner/name, branch) of the public student repository on GitHub, from pyproject.toml's [tool.course]."""
    settings = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["course"]
    url = settings["student_repository"].rstrip("/")
    prefix = "https://github.com/"
    if not url.startswith(prefix) or url.count("/") != 4:
        raise ValueError(
            f"[tool.course] student_repository must look like {prefix}OWNER/NAME, got {url!r}"
        )
    return url.removeprefix(prefix), settings.get("student_branch", "main")


def colab_url(assignment: str, notebook: str, folder: str = "") -> str:
    """The Colab address of a notebook of the student repository, as `make publish` lays it out.

    `folder` is where it lies above its assignment's folder: "" for the student notebooks."""
    repo, branch = student_repository()
    path = "/".join(part for part in (folder, assignment, notebook) if part)
    return f"https://colab.research.google.com/github/{repo}/blob/{branch}/{path}"


def badge(url: str) -> str:
    """Markdown for an "Open in Colab" badge linking to `url`."""
    return f"[![Open in Colab]({BADGE_IMAGE})]({url})"


class AddColabBadge(NbGraderPreprocessor):
    """nbgrader preprocessor: put an "Open in Colab" badge first in a student notebook."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Insert or refresh the badge cell."""
        info = resources["nbgrader"]
        cell = new_markdown_cell(badge(colab_url(info["assignment"], f"{info['notebook']}.ipynb")))
        cell.id = BADGE_CELL_ID
        nb.cells = [cell] + [c for c in nb.cells if c.get("id") != BADGE_CELL_ID]
        return nb, resources
