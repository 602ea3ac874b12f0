"""nbgrader's Execute step, with every kernel in the sandbox and a stopped kernel costing only what follows.

nbgrader_config.py puts `SandboxedExecute` in place of nbgrader's `Execute`, so every way of
autograding (`nbgrader autograde`, formgrader, `make autograde`) runs students' code the same way.
"""

from nbclient.exceptions import DeadKernelError
from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute

from course.grading.sandbox import SandboxedKernelManager
from course.grading.verdicts import KERNEL_STOPPED


class SandboxedExecute(Execute):
    """Execute a notebook in a sandboxed kernel; if the kernel dies, mark the cells that could not run."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("kernel_manager_class", SandboxedKernelManager)
        super().__init__(*args, **kwargs)
        self.kernel_stopped = False

    def preprocess(self, nb: NotebookNode, resources=None, km=None):
        """Execute every cell; a kernel that dies ends the run without failing the notebook."""
        self.kernel_stopped = False
        try:
            return super().preprocess(nb, resources, km)
        except DeadKernelError:  # raised again when the dead kernel's context closes: the cells are marked
            return self.nb, self.resources

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        """Execute one cell, unless the kernel already stopped; then only mark it."""
        if not self.kernel_stopped:
            try:
                return super().preprocess_cell(cell, resources, index)
            except DeadKernelError:
                self.kernel_stopped = True
        if cell.cell_type == "code":
            cell.outputs.append(new_output("error", ename=KERNEL_STOPPED, evalue="the kernel stopped",
                                           traceback=["The kernel stopped (it crashed, was killed or ran out of "
                                                      "memory) before this cell could finish."]))
        return cell, self.resources
