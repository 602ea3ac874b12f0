"""`make publish DEST=folder`: write the public student repository, which holds nothing that gives answers away.

The course repository holds every reference solution and hidden test, so it stays private; students
open notebooks from a separate, public repository. `publish` writes (or updates, as one new commit)
a git repository at DEST with only: the student notebooks of release/ at <assignment>/<notebook>, a
student README with the notebook table and its Colab badges, a LICENSE, and requirements.txt and
environment.yml for working locally, and keeps the solutions `make publish-solutions` added. It
never pushes: the instructor reviews and pushes DEST.
"""

import argparse
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

from course.build.contract import ASSIGNMENTS
from course.build.readme import notebook_table
from course.versions import COLAB, GRADING_PYTHON, PINS, graded_on

TEMPLATES = Path(__file__).resolve().parent / "student"
SOLUTIONS = "solutions"  # the folder `make publish-solutions` adds solution notebooks to
# What a student needs to run the notebooks locally (the course's own grading and test tools are left out).
STUDENT_PACKAGES = (
    "torch",
    "jax",
    "jaxlib",
    "flax",
    "numpy",
    "einops",
    "matplotlib",
    "jaxtyping",
    "jupyterlab",
)
AUTHOR = ["-c", "user.name=Course publisher", "-c", "user.email=course-publisher@localhost"]


def pinned(root: Path) -> dict[str, str]:
    """The pinned versions of the packages students need, from pyproject.toml."""
    dependencies = tomllib.loads((root / "pyproject.toml").read_text())["project"]["dependencies"]
    versions = dict(dependency.split("==") for dependency in dependencies)
    return {package: versions[package] for package in STUDENT_PACKAGES}


def student_files(root: Path) -> dict[str, bytes]:
    """Every file of the student repository, by path: notebooks, README, LICENSE and environment files."""
    versions = pinned(root)
    files = {
        f"{a.id}/{a.notebook}": (root / "release" / a.id / a.notebook).read_bytes()
        for a in ASSIGNMENTS
    }
    tested = ", ".join(f"{package} {PINS[package]}" for package in PINS)
    readme = (
        (TEMPLATES / "README.md")
        .read_text()
        .format(
            table=notebook_table(folder=""),
            versions=tested,
            graded_on=graded_on(),
            colab_python=COLAB["python"],
        )
    )
    environment = "\n".join(
        [
            "name: convolutions",
            "channels:",
            "  - conda-forge",
            "dependencies:",
            f"  - python={'.'.join(map(str, GRADING_PYTHON))}",
            "  - pip",
            "  - pip:",
            *(f"      - {package}=={version}" for package, version in versions.items()),
        ]
    )
    files.update(
        {
            "README.md": readme.encode(),
            "LICENSE": (TEMPLATES / "LICENSE").read_bytes(),
            "requirements.txt": "".join(f"{p}=={v}\n" for p, v in versions.items()).encode(),
            "environment.yml": (environment + "\n").encode(),
        }
    )
    return files


def git(dest: Path, *args: str) -> str:
    """Run git in `dest`; return its output."""
    return subprocess.run(
        ["git", *AUTHOR, *args], cwd=dest, check=True, capture_output=True, text=True
    ).stdout


def publish(root: Path, dest: Path) -> str | None:
    """Write the student repository into `dest` and commit it; return the new commit, or None if nothing changed."""
    dest.mkdir(parents=True, exist_ok=True)
    if not (dest / ".git").exists():
        git(dest, "init", "-q", "-b", "main")
    files = student_files(root)
    released = {f"{SOLUTIONS}/{a.id}/{a.notebook}" for a in ASSIGNMENTS}  # course.build.solutions'
    for path in sorted(dest.rglob("*")):  # anything else in DEST, tracked or not, goes
        name = path.relative_to(dest).as_posix()
        if (
            path.is_file()
            and ".git" not in path.relative_to(dest).parts
            and name not in files
            and name not in released
        ):
            path.unlink()
    for name, content in files.items():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        (dest / name).write_bytes(content)
    return commit_changes(dest, f"Student notebooks, published {date.today().isoformat()}")


def commit_changes(dest: Path, message: str, *paths: str) -> str | None:
    """Commit what changed in `dest` (below `paths`, or anywhere); the new commit, or None if nothing did."""
    scope = ["--", *paths] if paths else []
    git(dest, "add", "-A", *scope)
    if not git(dest, "status", "--porcelain", *scope).strip():
        return None
    git(dest, "commit", "-q", "-m", message)
    return git(dest, "rev-parse", "HEAD").strip()


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "dest", type=Path, help="the student repository's folder (created if missing)"
    )
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the course folder (default: here)"
    )
    options = parser.parse_args()
    commit = publish(options.root.resolve(), options.dest.resolve())
    print(
        f"{options.dest}: {'committed ' + commit[:12] if commit else 'already up to date, nothing committed'}; "
        "review it, then push it to the student repository yourself."
    )
    sys.exit(0)


if __name__ == "__main__":
    main()
