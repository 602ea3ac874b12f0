"""The public student repository: only what students need, no answers, badges that point at it, a commit per change;
after the deadline, the solutions as one more commit."""

import re
import shutil
import subprocess

import pytest
from nbformat.v4 import new_raw_cell

from course.build.cells import HIDDEN_REGION, MARKERS, grade_id, is_solution, reference_answers
from course.build.colab import student_repository
from course.build.contract import ASSIGNMENTS
from course.build.publish import SOLUTIONS, publish
from course.build.solutions import publish_solutions
from course.build.verify import leaked_lines, telling
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


def hidden_test_lines(assignment) -> set[str]:
    """The telling lines of an assignment's hidden tests that appear nowhere else in its source."""
    source = read(assignment.path(REPO / "source"))
    hidden = {
        line.strip()
        for cell in source.cells
        for region in HIDDEN_REGION.findall(cell.source)
        for line in region.splitlines()
        if telling(line.strip())
    }
    rest = "\n".join(HIDDEN_REGION.sub("", cell.source) for cell in source.cells)
    return hidden - {line.strip() for line in rest.splitlines()}


def test_solutions_come_as_one_commit_that_changes_nothing_else(published, with_solutions):
    def log(repo):
        return subprocess.run(
            ["git", "log", "--format=%H %s", "--name-only"],
            cwd=repo,
            capture_output=True,
            text=True,
        ).stdout

    assert log(with_solutions).endswith(log(published))  # the earlier history, untouched
    changed = subprocess.run(
        ["git", "show", "--format=", "--name-only", "HEAD"],
        cwd=with_solutions,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert sorted(changed) == sorted(f"solutions/{a.id}/{a.notebook}" for a in ASSIGNMENTS)
    assert publish_solutions(REPO, with_solutions, list(ASSIGNMENTS)) is None  # again: nothing new


def test_solutions_hold_the_reference_answers_and_no_hidden_test(with_solutions):
    for assignment in ASSIGNMENTS:
        notebook = read(with_solutions / SOLUTIONS / assignment.id / assignment.notebook)
        text = "\n".join(cell.source for cell in notebook.cells)
        assert not MARKERS.search(text)
        secret = hidden_test_lines(assignment)
        assert secret and not {line.strip() for line in text.splitlines()} & secret
        answers = reference_answers(read(assignment.path(REPO / "source")))
        filled = {grade_id(cell): cell.source for cell in notebook.cells if is_solution(cell)}
        assert filled == answers, assignment.id
        assert (
            f"blob/main/{SOLUTIONS}/{assignment.id}/{assignment.notebook}"
            in notebook.cells[0].source
        )


def test_publishing_the_student_notebooks_again_keeps_the_solutions_and_nothing_else(
    with_solutions, tmp_path
):
    copy = tmp_path / "repository"
    shutil.copytree(with_solutions, copy)
    stray = copy / SOLUTIONS / ASSIGNMENTS[0].id / "answers.py"
    stray.write_text("secret")
    assert publish(REPO, copy) is None
    assert all((copy / SOLUTIONS / a.id / a.notebook).exists() for a in ASSIGNMENTS)
    assert not stray.exists()


def test_solutions_of_one_assignment_only(published, tmp_path):
    copy = tmp_path / "repository"
    shutil.copytree(published, copy)
    first = ASSIGNMENTS[0]
    assert publish_solutions(REPO, copy, [first]) is not None
    assert [
        p.relative_to(copy / SOLUTIONS).as_posix() for p in (copy / SOLUTIONS).rglob("*.ipynb")
    ] == [f"{first.id}/{first.notebook}"]


def test_solutions_need_a_student_repository(tmp_path):
    with pytest.raises(FileNotFoundError, match="make publish"):
        publish_solutions(REPO, tmp_path, list(ASSIGNMENTS))
