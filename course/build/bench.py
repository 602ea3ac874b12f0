"""`make bench`: how long a student waits for each notebook and each check, right answers and wrong ones.

First every source notebook runs top to bottom: its wall time, and its slowest check cell the
first time and run again. Then each student notebook runs as a student works it: before each
exercise's right answer, every wrong answer of the corpus (tests/corpus/, `kind: wrong`) is put in
its solution cell and checked twice, so that the first wrong answer meets the kernel a student's
first try meets. Its kernels draw every figure into the notebook, as a student's JupyterLab or
Colab does."""

import contextlib
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import nbformat
from jupyter_client import AsyncKernelManager
from nbclient import NotebookClient

from course.build.cells import cell_seconds, grade_id, is_solution, reference_answers
from course.build.contract import ASSIGNMENTS, Assignment
from course.build.corpus import ENDLESS, Variant, companion, variants
from course.build.figures import drawing_inline


@contextlib.contextmanager
def kernel_for(nb: nbformat.NotebookNode, folder: Path) -> Iterator[NotebookClient]:
    """A client with a started kernel for `nb`, drawing inline, run in `folder`; shut down after."""
    # IPC sockets: no TCP port, no unencrypted-TCP warning
    with tempfile.TemporaryDirectory() as sockets:
        kernel = AsyncKernelManager(
            kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel")
        )
        client = NotebookClient(
            nb,
            km=kernel,
            timeout=600,
            record_timing=True,
            allow_errors=True,
            resources={"metadata": {"path": str(folder)}},
        )
        # cleanup_kc: shut the kernel down after
        with client.setup_kernel(cleanup_kc=True, env=drawing_inline()):
            yield client


def run(path: Path) -> tuple[float, dict[str, float], dict[str, float]]:
    """Execute one notebook, then each check cell once more, as a student re-checks an answer.

    Returns the notebook's wall time and, per check cell, its seconds the first time and the second.
    """
    nb = nbformat.read(path, as_version=4)
    checks = [
        (index, cell)
        for index, cell in enumerate(nb.cells)
        if str(grade_id(cell)).startswith("check_")
    ]
    started = time.perf_counter()
    with kernel_for(nb, path.parent) as client:
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        wall = time.perf_counter() - started
        first = {str(grade_id(cell)): cell_seconds(cell) for _, cell in checks}
        for index, cell in checks:
            client.execute_cell(cell, index)
        again = {str(grade_id(cell)): cell_seconds(cell) for _, cell in checks}
    return wall, first, again


def timed(client: NotebookClient, cell: nbformat.NotebookNode, index: int, source: str) -> float:
    """Run `source` in `cell`'s place; its seconds."""
    cell.source = source
    client.execute_cell(cell, index)
    return cell_seconds(cell)


def run_wrong_answers(assignment: Assignment) -> list[tuple[str, str, float, float]]:
    """Work one student notebook with every wrong answer before the right one: (exercise, variant, first, again)."""
    release = nbformat.read(assignment.path(Path("release")), as_version=4)
    answers = reference_answers(nbformat.read(assignment.path(Path("source")), as_version=4))
    wrong: dict[str, list[Variant]] = {}
    for variant in variants(assignment.id):
        if variant.kind == "wrong" and ENDLESS not in variant.feedback:
            wrong.setdefault(variant.exercise, []).append(variant)
    solution_cells = {str(grade_id(cell)): cell for cell in release.cells if is_solution(cell)}
    times = []
    with kernel_for(release, assignment.path(Path("release")).parent) as client:
        for index, cell in enumerate(release.cells):
            name = str(grade_id(cell) or "")
            if name.startswith("check_") and name.removeprefix("check_") in solution_cells:
                exercise = name.removeprefix("check_")
                solution = solution_cells[exercise]
                place = release.cells.index(solution)
                for variant in wrong.get(exercise, []):
                    if variant.companion:
                        helper, code = companion(variant)
                        other = release.cells.index(solution_cells[helper])
                        timed(client, solution_cells[helper], other, code)
                    timed(client, solution, place, variant.code)
                    first = timed(client, cell, index, cell.source)
                    times.append(
                        (exercise, variant.name, first, timed(client, cell, index, cell.source))
                    )
                    if variant.companion:
                        timed(client, solution_cells[helper], other, answers[helper])
                timed(client, solution, place, answers[exercise])
                first = timed(client, cell, index, cell.source)
                times.append((exercise, "(right answer, after the wrong ones)", first, first))
            elif is_solution(cell):
                timed(client, cell, index, answers[name])
            else:
                client.execute_cell(cell, index)
    return times


def slowest(seconds: dict[str, float]) -> str:
    """The slowest cell of `seconds`, as "name  1.23s"."""
    name, value = max(seconds.items(), key=lambda item: item[1], default=("-", 0.0))
    return f"{name:>24} {value:5.2f}s"


def main() -> None:
    """Print one line per notebook, then one per exercise for wrong answers, and every check over a second."""
    print(
        f"{'notebook':42} {'top to bottom':>14} {'slowest check, first run':>31} {'slowest check, run again':>31}"
    )
    for assignment in ASSIGNMENTS:
        path = assignment.path(Path("source"))
        wall, first, again = run(path)
        print(f"{path!s:42} {wall:13.1f}s {slowest(first)} {slowest(again)}")
    print(
        f"\n{'exercise':24} {'wrong answers':>13} {'slowest, first run':>46} {'run again':>10} "
        f"{'right answer':>13}"
    )
    slow = []
    for assignment in ASSIGNMENTS:
        times = run_wrong_answers(assignment)
        for exercise in dict.fromkeys(t[0] for t in times):
            wrong = [t for t in times if t[0] == exercise and not t[1].startswith("(")]
            right = next(t[2] for t in times if t[0] == exercise and t[1].startswith("("))
            worst = max(wrong, key=lambda t: t[2], default=(exercise, "-", 0.0, 0.0))
            print(
                f"{exercise:24} {len(wrong):13} {worst[1]:>39} {worst[2]:5.2f}s "
                f"{max((t[3] for t in wrong), default=0.0):9.2f}s {right:12.2f}s"
            )
            slow += [t for t in times if t[0] == exercise and max(t[2], t[3]) > 1.0]
    lines = [f"  {t[0]} {t[1]}: {t[2]:.2f}s, again {t[3]:.2f}s" for t in slow]
    print("\nchecks over a second:", *(lines or ["  none"]), sep="\n")


if __name__ == "__main__":
    main()
