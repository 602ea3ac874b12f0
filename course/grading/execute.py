"""nbgrader's Execute step, with every kernel in the sandbox and a stopped kernel costing only what follows.

nbgrader_config.py puts `SandboxedExecute` in place of nbgrader's `Execute`, so every way of
autograding (`nbgrader autograde`, formgrader, `make autograde`) runs students' code the same way.
"""

import time

from nbclient.exceptions import DeadKernelError
from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Integer

from course.grading.sandbox import SandboxedKernelManager
from course.grading.verdicts import KERNEL_STOPPED, OUT_OF_TIME


class SandboxedExecute(Execute):
    """Execute a notebook in a sandboxed kernel; if the kernel dies or time runs out, mark the cells left."""

    submission_timeout = Integer(1200, help="Seconds one notebook may run in all; the cells left after that are "
                                            "not run.").tag(config=True)

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("kernel_manager_class", SandboxedKernelManager)
        kwargs.setdefault("shutdown_kernel", "immediate")  # a graceful exit takes a second and saves nothing
        super().__init__(*args, **kwargs)
        self.stopped: str | None = None
        self.deadline = 0.0

    def preprocess(self, nb: NotebookNode, resources=None, km=None):
        """Execute every cell; a kernel that dies ends the run without failing the notebook."""
        self.stopped, self.deadline = None, time.monotonic() + self.submission_timeout
        try:
            return super().preprocess(nb, resources, km)
        except DeadKernelError:  # raised again when the dead kernel's context closes: the cells are marked
            return self.nb, self.resources

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        """Execute one cell, unless the kernel stopped or the notebook's time is up; then only mark it."""
        if self.stopped is None and time.monotonic() > self.deadline:
            self.stopped = OUT_OF_TIME
        if self.stopped is None:
            try:
                return super().preprocess_cell(cell, resources, index)
            except DeadKernelError:
                self.stopped = KERNEL_STOPPED
        if cell.cell_type == "code":
            reason = ("The kernel stopped (it crashed, was killed or ran out of memory)" if self.stopped == KERNEL_STOPPED
                      else f"The notebook used up its {self.submission_timeout} s")
            cell.outputs.append(new_output("error", ename=self.stopped, evalue=reason,
                                           traceback=[f"{reason} before this cell could finish."]))
        return cell, self.resources
