"""`make autograde`: grade every submission under submitted/ with nbgrader, one at a time, then export grades.csv."""

import argparse
import subprocess
import sys
from pathlib import Path


def nbgrader(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run an nbgrader command in the course folder `root`, capturing its output."""
    command = [str(Path(sys.executable).with_name("nbgrader")), *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True)


def submissions(root: Path) -> list[tuple[str, str]]:
    """(student, assignment) for every folder submitted/<student>/<assignment>/, sorted."""
    return sorted((path.parent.name, path.name) for path in (root / "submitted").glob("*/*") if path.is_dir())


def grade_all(root: Path, force: bool) -> list[str]:
    """Autograde each submission; return a line for each one nbgrader could not grade."""
    problems = []
    pending = submissions(root)
    for number, (student, assignment) in enumerate(pending, 1):
        if not force and (root / "autograded" / student / assignment).is_dir():
            print(f"[{number}/{len(pending)}] {student} {assignment}: already graded, skipped")
            continue
        args = ["autograde", assignment, "--student", student, "--force"]
        result = nbgrader(root, *args)
        failed = result.returncode != 0
        print(f"[{number}/{len(pending)}] {student} {assignment}: {'FAILED' if failed else 'graded'}", flush=True)
        if failed:
            problems.append(f"{student} {assignment}: {result.stderr.strip().splitlines()[-1:]}")
    return problems


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the course folder (default: here)")
    parser.add_argument("--force", action="store_true", help="grade again submissions already graded")
    options = parser.parse_args()
    root = options.root.resolve()
    problems = grade_all(root, options.force)
    export = nbgrader(root, "export", "--to", "grades.csv")
    if export.returncode != 0:
        problems.append(f"nbgrader export failed: {export.stderr.strip()}")
    else:
        print("wrote grades.csv")
    for problem in problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
