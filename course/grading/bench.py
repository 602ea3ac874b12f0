"""`make bench-grading`: grade one fixed batch three ways and compare time per submission and grades.

The batch: for each of the six notebooks, two submissions with the reference answers, one blank, and
one with only the first half of the exercises done (24 in all). It is graded, each time in a fresh
scratch copy of the course, by plain sequential `nbgrader autograde` (one assignment after another,
through the protected path of nbgrader_config.py), then by `make autograde`'s driver with 1 and with
2 worker processes. The grades must be identical; the driver's runs also report where the time went.
"""

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat

from course.build.cells import reference_answers, submission
from course.build.contract import ASSIGNMENTS
from course.build.release import build
from course.grading.autograde import Options, Summary, grade_all
from course.grading.report import scores
from course.nbgrader_cli import nbgrader

REPO = Path(__file__).resolve().parents[2]


def batch(root: Path) -> int:
    """Write the fixed batch of submissions into the course at `root`; return how many."""
    count = 0
    for assignment in ASSIGNMENTS:
        source = nbformat.read(assignment.path(root / "source"), as_version=4)
        release = nbformat.read(assignment.path(root / "release"), as_version=4)
        answers = reference_answers(source)
        half = dict(list(answers.items())[: len(answers) // 2])
        for student, chosen in (
            ("first", answers),
            ("second", answers),
            ("blank", {}),
            ("half", half),
        ):
            path = root / "submitted" / student / assignment.id / assignment.notebook
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(submission(release, chosen), path)
            count += 1
    return count


def scratch(parent: Path, name: str) -> Path:
    """A fresh copy of the course with its student versions built and the batch submitted."""
    root = parent / name
    shutil.copytree(REPO / "source", root / "source")
    shutil.copy(REPO / "nbgrader_config.py", root)
    problems = build(root)
    if problems:
        raise RuntimeError("\n".join(problems))
    batch(root)
    return root


def plain_nbgrader(root: Path) -> Summary:
    """Grade the batch with `nbgrader autograde`, one assignment after another."""
    summary, started = Summary(), time.perf_counter()
    for assignment in ASSIGNMENTS:
        result = nbgrader(root, "autograde", assignment.id, "--force")
        if result.returncode != 0:
            summary.failed.append(f"{assignment.id}: {result.stderr[-300:]}")
    summary.seconds = time.perf_counter() - started
    return summary


def yardstick() -> float:
    """Seconds a fresh Python takes to import torch and jax: how fast this machine is now, to compare runs by."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import torch, jax"], check=True)
    return time.perf_counter() - started


def main() -> None:
    """Run the three gradings and print seconds per submission, speed-ups and the cost of each step."""
    runs: list[tuple[str, Callable[[Path], Summary]]] = [
        ("plain nbgrader autograde, sequential", plain_nbgrader),
        ("make autograde, 1 worker", lambda root: grade_all(root, Options(workers=1))),
        ("make autograde, 2 workers", lambda root: grade_all(root, Options(workers=2))),
    ]
    speed = [yardstick()]
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as folder:
        results: list[tuple[str, Any, bool]] = []
        reference: dict[tuple[str, str, str], float] = {}
        for number, (name, grade) in enumerate(runs):
            root = scratch(Path(folder), f"run{number}")
            summary = grade(root)
            found = scores(root)
            reference = reference or found
            results.append((name, summary, bool(found) and found == reference))
            shutil.rmtree(root)
    speed.append(yardstick())
    submissions = 4 * len(ASSIGNMENTS)
    baseline = results[0][1].seconds
    print(
        f"{submissions} submissions, {len(reference)} graded cells; yardstick (a fresh Python imports torch and jax): "
        f"{speed[0]:.2f} s before, {speed[1]:.2f} s after"
    )
    print(f"{'how':40} {'s per submission':>17} {'speed-up':>9}  same grades")
    for name, summary, same in results:
        print(
            f"{name:40} {summary.seconds / submissions:17.2f} {baseline / summary.seconds:8.2f}x  "
            f"{'yes' if same else 'NO'}{'' if not summary.failed else f' ({len(summary.failed)} failed)'}"
        )
    for name, summary, _ in results[1:]:
        split = ", ".join(
            f"{step} {seconds / submissions:.2f} s" for step, seconds in summary.steps.items()
        )
        print(f"{name}, per submission on a worker: {split}")


if __name__ == "__main__":
    main()
