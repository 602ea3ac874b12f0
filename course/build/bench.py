"""`make bench`: run every source notebook; report its wall time and its slowest check cell, first run and rerun.

Its kernels draw every figure into the notebook, as a student's JupyterLab or Colab does."""

import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_client import AsyncKernelManager
from nbclient import NotebookClient

from course.build.cells import cell_seconds, grade_id
from course.build.contract import ASSIGNMENTS
from course.build.figures import drawing_inline


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
            resources={"metadata": {"path": str(path.parent)}},
        )
        started = time.perf_counter()
        # cleanup_kc: shut the kernel down after
        with client.setup_kernel(cleanup_kc=True, env=drawing_inline()):
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
            wall = time.perf_counter() - started
            first = {str(grade_id(cell)): cell_seconds(cell) for _, cell in checks}
            for index, cell in checks:
                client.execute_cell(cell, index)
            again = {str(grade_id(cell)): cell_seconds(cell) for _, cell in checks}
    return wall, first, again


def slowest(seconds: dict[str, float]) -> str:
    """The slowest cell of `seconds`, as "name  1.23s"."""
    name, value = max(seconds.items(), key=lambda item: item[1], default=("-", 0.0))
    return f"{name:>24} {value:5.2f}s"


def main() -> None:
    """Print one line per notebook: wall time, its slowest visible check the first time and when run again."""
    print(
        f"{'notebook':42} {'top to bottom':>14} {'slowest check, first run':>31} {'slowest check, run again':>31}"
    )
    for assignment in ASSIGNMENTS:
        path = assignment.path(Path("source"))
        wall, first, again = run(path)
        print(f"{path!s:42} {wall:13.1f}s {slowest(first)} {slowest(again)}")


if __name__ == "__main__":
    main()
