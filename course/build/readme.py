"""The README's table of notebooks, rewritten by `make release` between two marker lines."""

from pathlib import Path

from course.build.colab import badge, colab_url
from course.build.contract import ASSIGNMENTS

START, END = "<!-- notebooks:start -->", "<!-- notebooks:end -->"


def notebook_table(folder: str = "release/") -> str:
    """A Markdown table: each notebook (linked below `folder`), what it teaches, and its Colab badge."""
    rows = ["| Notebook | What it teaches | Open |", "|---|---|---|"]
    for number, a in enumerate(ASSIGNMENTS, 1):
        link = f"[{number:02d} · {a.title}]({folder}{a.id}/{a.notebook})"
        rows.append(f"| {link} | {a.teaches} | {badge(colab_url(a.id, a.notebook))} |")
    return "\n".join(rows)


def update_readme(path: Path) -> bool:
    """Rewrite the table between the markers of the README at `path`; return whether it changed."""
    text = path.read_text()
    if START not in text or END not in text:
        raise ValueError(f"{path} lacks the lines {START} and {END}")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    updated = f"{head}{START}\n{notebook_table()}\n{END}{tail}"
    path.write_text(updated)
    return updated != text
