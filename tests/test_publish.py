"""The public student repository: only what students need, no answers, badges that point at it, a commit per change."""

import re
import subprocess

from nbformat.v4 import new_raw_cell

from course.build.cells import MARKERS
from course.build.colab import student_repository
from course.build.contract import ASSIGNMENTS
from course.build.publish import publish
from course.build.verify import leaked_lines
from tests.conftest import REPO
from tests.notebooks import read

ALLOWED = {
    "README.md",
    "LICENSE",
    "requirements.txt",
    "environment.yml",
    *(f"{a.id}/{a.notebook}" for a in ASSIGNMENTS),
}
COLAB = re.compile(r"https://colab\.research\.google\.com/github/([^)\s\"'\\]+)")


def files(dest):
    return {
        str(p.relative_to(dest)): p
        for p in dest.rglob("*")
        if p.is_file() and ".git" not in p.parts
    }


def test_only_the_allowed_files_are_published(published):
    assert set(files(published)) == ALLOWED


def test_nothing_published_holds_a_solution_or_a_hidden_test(published):
    others = [path.read_text() for path in files(published).values() if path.suffix != ".ipynb"]
    text = "\n".join(others + [path.read_text() for path in published.glob("*/*.ipynb")])
    assert not MARKERS.search(text)
    embedded = set(re.findall(r"_install_course_module\('([\w.]+)'", text))
    assert embedded and not {
        name for name in embedded if name.split(".")[0] in {"grading", "build"}
    }, embedded
    references = (REPO / "course" / "grading" / "references.py").read_text()
    for line in references.splitlines():  # the bodies of the trusted references are answers
        if (
            line.startswith("    ")
            and len(line.strip()) >= 12
            and not line.strip().startswith(("#", '"""'))
        ):
            assert line.strip() not in text, (
                f"{line.strip()!r} from course/grading/references.py was published"
            )
    # no line of its solutions or hidden tests, in its notebook or any other file
    for assignment in ASSIGNMENTS:
        notebook = read(published / assignment.id / assignment.notebook)
        notebook.cells += [new_raw_cell(other) for other in others]
        assert leaked_lines(read(assignment.path(REPO / "source")), notebook) == [], assignment.id


def test_every_badge_points_at_a_notebook_of_the_student_repository(published):
    repo, branch = student_repository()
    found = [link for path in files(published).values() for link in COLAB.findall(path.read_text())]
    assert len(found) == 2 * len(ASSIGNMENTS)  # the README table, and each notebook's own badge
    for link in found:
        assert link.startswith(f"{repo}/blob/{branch}/"), link
        assert (published / link.removeprefix(f"{repo}/blob/{branch}/")).is_file(), link


def test_publishing_again_without_changes_makes_no_commit(published):
    count = subprocess.run(
        ["git", "rev-list", "--count", "HEAD"], cwd=published, capture_output=True, text=True
    )
    assert publish(REPO, published) is None
    again = subprocess.run(
        ["git", "rev-list", "--count", "HEAD"], cwd=published, capture_output=True, text=True
    )
    assert again.stdout == count.stdout == "1\n"


def test_a_stray_file_in_the_destination_is_removed(published):
    (published / "source").mkdir()
    (published / "source" / "answers.py").write_text("secret")
    assert publish(REPO, published) is None
    assert set(files(published)) == ALLOWED
