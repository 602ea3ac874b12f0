"""`make feedback`: per-student feedback (HTML) that shows hidden-test outcomes but not their code.

Then, for the LMS's bulk upload, one zip per assignment of every student's feedback with a summary on
top (`course.grading.archives`)."""

import argparse
import sys
from pathlib import Path

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from course.grading.archives import write_archives
from course.nbgrader_cli import nbgrader


class SummarizeHiddenTestErrors(NbGraderPreprocessor):
    """In grade cells, keep each error's type and message but drop its traceback, which shows test code."""

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict, index: int
    ) -> tuple[NotebookNode, dict]:
        """Shorten the error outputs of one grade cell."""
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade"):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [f"{output.get('ename')}: {output.get('evalue')}"]
        return cell, resources


def main() -> None:
    """Command-line entry point: generate feedback for every autograded assignment."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the course folder (default: here)"
    )
    root = parser.parse_args().root.resolve()
    assignments = sorted({path.name for path in (root / "autograded").glob("*/*") if path.is_dir()})
    failed = [
        a for a in assignments if nbgrader(root, "generate_feedback", a, "--force").returncode != 0
    ]
    for assignment in assignments:
        print(f"{assignment}: {'FAILED' if assignment in failed else 'feedback written'}")
    for archive in write_archives(root):
        print(
            f"{archive.relative_to(root)}: a file per student, for the LMS's bulk feedback upload"
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
