"""`make bench`: run every source notebook and report its wall time and its slowest check cells."""

import time
from datetime import datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode

from course.build.cells import grade_id
from course.build.contract import ASSIGNMENTS


def cell_seconds(cell: NotebookNode) -> float:
    """How long an executed cell ran, from the timing nbclient records."""
    timing = cell.get("metadata", {}).get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    return (datetime.fromisoformat(end.rstrip("Z")) - datetime.fromisoformat(start.rstrip("Z"))).total_seconds()


def run(path: Path) -> tuple[float, list[tuple[str, float]]]:
    """Execute one notebook; return its wall time and (check cell id, seconds) for each check cell."""
    nb = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    wall = time.perf_counter() - started
    checks = [(grade_id(c), cell_seconds(c)) for c in nb.cells if str(grade_id(c)).startswith("check_")]
    return wall, checks


def main() -> None:
    """Print one line per notebook: wall time, then its slowest visible check."""
    print(f"{'notebook':42} {'top to bottom':>14} {'slowest check cell':>32}")
    for assignment in ASSIGNMENTS:
        path = assignment.path(Path("source"))
        wall, checks = run(path)
        name, seconds = max(checks, key=lambda item: item[1], default=("-", 0.0))
        print(f"{str(path):42} {wall:13.1f}s {name:>24} {seconds:6.2f}s")


if __name__ == "__main__":
    main()
