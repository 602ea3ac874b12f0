"""`make autograde`: grade every submission under submitted/, each on its own, several at a time.

For each submitted/<student>/<assignment>/ folder: find the notebook to grade (a renamed file, an
unreadable one, a link), put it under intake/, grade it with `nbgrader autograde` (which, through
nbgrader_config.py, rebuilds it from release/, applies the policy, runs it in the sandbox and
judges its hidden tests in its own process), and record what happened in a ledger beside it.
submitted/ is never written to. A submission already graded from the same files is skipped, so an
interrupted run can simply be started again. Finally grades.csv and the reports are written.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from course.build.contract import ASSIGNMENTS, Assignment
from course.grading import sandbox
from course.grading.intake import find_notebook, read_submission
from course.grading.report import write_reports
from course.nbgrader_cli import nbgrader

INTAKE = "intake"
SUBMISSION_TIMEOUT = 1800
DEFAULT_JOBS = min(4, os.cpu_count() or 1)


@dataclass
class Ledger:
    """What grading one submission did: the files it graded, how it went, and notes for the student."""

    digest: str
    status: str
    notes: list[str] = field(default_factory=list)


def submissions(root: Path) -> list[tuple[str, Assignment]]:
    """(student, assignment) for every folder submitted/<student>/<assignment>/ of a known assignment."""
    known = {a.id: a for a in ASSIGNMENTS}
    folders = sorted((root / "submitted").glob("*/*"))
    return [(f.parent.name, known[f.name]) for f in folders if f.is_dir() and f.name in known]


def digest(folder: Path) -> str:
    """A fingerprint of every file in a submission folder."""
    hasher = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        hasher.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def ledger_path(root: Path, student: str, assignment: Assignment) -> Path:
    """Where the ledger of one submission lives."""
    return root / INTAKE / student / assignment.id / "ledger.json"


def read_ledger(path: Path) -> Ledger | None:
    """The ledger at `path`, or None if there is none (or it is unreadable)."""
    try:
        return Ledger(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return None


def prepare(root: Path, student: str, assignment: Assignment) -> list[str]:
    """Put the notebook to grade for one submission under intake/; return the notes for the student.

    A missing or unreadable notebook is replaced by the blank release, so it still gets a score.
    """
    folder = root / "submitted" / student / assignment.id
    target = root / INTAKE / student / assignment.id
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    path, note = find_notebook(folder, assignment.notebook)
    notes = [note] if note else []
    notebook, problem = read_submission(path) if path else (None, "no notebook was submitted")
    if notebook is None:
        notes.append(f"{problem}; every exercise scores 0")
        notebook = nbformat.read(assignment.path(root / "release"), as_version=4)
    nbformat.write(notebook, target / assignment.notebook)
    if (folder / "timestamp.txt").is_file() and not (folder / "timestamp.txt").is_symlink():
        shutil.copy(folder / "timestamp.txt", target / "timestamp.txt")
    return notes


def autograde_command(assignment: Assignment, student: str, options: "Options") -> list[str]:
    """The nbgrader arguments that grade one prepared submission from intake/."""
    args = ["autograde", assignment.id, "--student", student, "--force",
            f"--CourseDirectory.submitted_directory={INTAKE}"]
    if options.cell_timeout:
        args.append(f"--Execute.timeout={options.cell_timeout}")
    if not options.use_sandbox:
        args.append("--SandboxedKernelManager.confined=False")
    return args


def run_autograde(root: Path, student: str, assignment: Assignment, options: "Options") -> tuple[bool, str]:
    """Grade one prepared submission with nbgrader; return whether it worked and nbgrader's last words."""
    try:
        result = nbgrader(root, *autograde_command(assignment, student, options), timeout=SUBMISSION_TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, f"grading took longer than {SUBMISSION_TIMEOUT} s"
    log = (result.stdout + result.stderr).strip().splitlines()
    return result.returncode == 0, (log[-1] if log else "")


def grade_one(root: Path, student: str, assignment: Assignment, fingerprint: str, options: "Options") -> Ledger:
    """Intake and grade one submission; if grading fails, grade it as blank so it still gets a score."""
    notes = prepare(root, student, assignment)
    worked, last_words = run_autograde(root, student, assignment, options)
    if not worked:
        notes.append(f"grading stopped ({last_words}); the notebook was graded as blank, so it scores 0")
        blank = nbformat.read(assignment.path(root / "release"), as_version=4)
        nbformat.write(blank, root / INTAKE / student / assignment.id / assignment.notebook)
        worked, last_words = run_autograde(root, student, assignment, options)
    return Ledger(fingerprint, "graded" if worked else f"failed: {last_words}", notes)


@dataclass(frozen=True)
class Options:
    """How to grade: again or not, sandboxed or not, each cell's time limit (None: nbgrader_config's), in parallel."""

    force: bool = False
    use_sandbox: bool = True
    cell_timeout: int | None = None
    jobs: int = DEFAULT_JOBS


def _grade_and_record(root: Path, student: str, assignment: Assignment, fingerprint: str, options: Options) -> Ledger:
    """Grade one submission and write its ledger."""
    ledger = grade_one(root, student, assignment, fingerprint, options)
    ledger_path(root, student, assignment).write_text(json.dumps(asdict(ledger), indent=1))
    return ledger


def grade_all(root: Path, options: Options = Options()) -> list[str]:
    """Grade every submission not yet graded from its current files; return the submissions that failed."""
    pending = submissions(root)
    todo = []
    for student, assignment in pending:
        previous = read_ledger(ledger_path(root, student, assignment))
        fingerprint = digest(root / "submitted" / student / assignment.id)
        if not options.force and previous and previous.digest == fingerprint and previous.status == "graded":
            print(f"{student} {assignment.id}: already graded, skipped", flush=True)
        else:
            todo.append((student, assignment, fingerprint))
    failed = []
    with ThreadPoolExecutor(max_workers=options.jobs) as pool:
        futures = {pool.submit(_grade_and_record, root, *job, options): job for job in todo}
        for number, future in enumerate(as_completed(futures), 1):
            student, assignment, _ = futures[future]
            ledger = future.result()
            notes = f" ({len(ledger.notes)} notes)" if ledger.notes else ""
            print(f"[{number}/{len(todo)}] {student} {assignment.id}: {ledger.status}{notes}", flush=True)
            if ledger.status != "graded":
                failed.append(f"{student} {assignment.id}: {ledger.status}")
    return failed


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the course folder (default: here)")
    parser.add_argument("--force", action="store_true", help="grade again submissions already graded")
    parser.add_argument("--jobs", type=int, default=DEFAULT_JOBS, help="submissions graded at once")
    parser.add_argument("--no-sandbox", action="store_true",
                        help="run students' code unconfined (only for trusted code: see README)")
    options = parser.parse_args()
    root = options.root.resolve()
    if not options.no_sandbox and not sandbox.available():
        sys.exit("The grading sandbox needs bubblewrap and prlimit: `apt-get install bubblewrap util-linux`.")
    failed = grade_all(root, Options(options.force, not options.no_sandbox, jobs=options.jobs))
    export = nbgrader(root, "export", "--to", "grades.csv")
    if export.returncode != 0:
        failed.append(f"nbgrader export failed: {export.stderr.strip()[-500:]}")
    write_reports(root)
    for problem in failed:
        print(f"NOT GRADED: {problem}", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
