"""`make autograde`: grade every submission under submitted/, in parallel, on this machine or a Dask cluster.

For each submitted/<student>/<assignment>/ folder: find the notebook to grade (a renamed file, an
unreadable one, a link: each gets a note), grade it on a worker through the protected path
(`course.grading.pipeline`: intake, policy, sandboxed grading processes, trusted verdicts), and
record the result in autograded/ and the gradebook from this process alone (`course.grading.store`),
with a ledger under intake/. submitted/ is never written to. A submission already graded from the same
files is skipped, so an interrupted run can simply be started again. Finally grades.csv and the
reports are written, and a summary printed.
"""

import argparse
import hashlib
import json
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from tqdm import tqdm

from course.build.contract import ASSIGNMENTS, Assignment
from course.grading import engine, sandbox
from course.grading.intake import find_notebook, read_submission
from course.grading.path import TIMEOUTS
from course.grading.pipeline import Job
from course.grading.report import write_reports
from course.grading.store import STAGING, Store, not_graded
from course.nbgrader_cli import nbgrader


@dataclass
class Ledger:
    """What grading one submission did: the files it graded, how it went, and notes on the file handed in."""

    digest: str
    status: str
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Options:
    """How to grade: again or not, sandboxed or not, each exercise's time limit, where and on how many workers."""

    force: bool = False
    use_sandbox: bool = True
    exercise_timeout: int = TIMEOUTS.exercise
    workers: int | None = None
    scheduler: str | None = None


@dataclass
class Summary:
    """What a batch did."""

    graded: int = 0
    failed: list[str] = field(default_factory=list)
    skipped: int = 0
    seconds: float = 0.0
    # seconds spent in each step, over all submissions
    steps: dict[str, float] = field(default_factory=dict)

    def __str__(self) -> str:
        done = self.graded + len(self.failed)
        rate = (
            f", {60 * done / self.seconds:.1f} submissions per minute"
            if done and self.seconds
            else ""
        )
        return (
            f"graded {self.graded}, failed {len(self.failed)}, skipped {self.skipped} (already graded); "
            f"{self.seconds:.0f} s{rate}"
        )


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


def ledger_path(root: Path, student: str, assignment_id: str) -> Path:
    """Where the ledger of one submission lives."""
    return root / STAGING / student / assignment_id / "ledger.json"


def read_ledger(path: Path) -> Ledger | None:
    """The ledger at `path`, or None if there is none (or it is unreadable)."""
    try:
        return Ledger(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return None


def prepare(
    root: Path, student: str, assignment: Assignment, options: Options
) -> tuple[Job, list[str]]:
    """The job that grades one submission, and notes on the file handed in.

    A missing or unreadable notebook is graded as the blank release, so it still gets a score.
    The submission's timestamp, if any, goes under intake/ for nbgrader's late penalties.
    """
    folder = root / "submitted" / student / assignment.id
    target = root / STAGING / student / assignment.id
    target.mkdir(parents=True, exist_ok=True)
    path, note = find_notebook(folder, assignment.notebook)
    notes = [note] if note else []
    notebook, problem = read_submission(path) if path else (None, "no notebook was submitted")
    release = assignment.path(root / "release").read_text()
    if notebook is None:
        notes.append(f"{problem}; every exercise scores 0")
    timestamp = folder / "timestamp.txt"
    if timestamp.is_file() and not timestamp.is_symlink():
        (target / "timestamp.txt").write_text(timestamp.read_text(errors="replace")[:100])
    job = Job(
        student,
        assignment.id,
        assignment.notebook,
        nbformat.writes(notebook) if notebook else release,
        release,
        assignment.path(root / "source").read_text(),
        options.exercise_timeout,
        options.use_sandbox,
    )
    return job, notes


def pending(root: Path, options: Options, summary: Summary) -> list[tuple[str, Assignment, str]]:
    """(student, assignment, fingerprint) of every submission to grade now; counts the ones skipped."""
    todo = []
    for student, assignment in submissions(root):
        fingerprint = digest(root / "submitted" / student / assignment.id)
        previous = read_ledger(ledger_path(root, student, assignment.id))
        if (
            not options.force
            and previous
            and previous.digest == fingerprint
            and previous.status == "graded"
        ):
            summary.skipped += 1
        else:
            todo.append((student, assignment, fingerprint))
    return todo


def grade_all(root: Path, options: Options = Options()) -> Summary:
    """Grade every submission not yet graded from its current files, and record each one exactly once."""
    started, summary = time.perf_counter(), Summary()
    todo = pending(root, options, summary)
    store = Store(root)
    jobs, notes, fingerprints = [], {}, {}
    for student, assignment, fingerprint in todo:
        job, notes[student, assignment.id] = prepare(root, student, assignment, options)
        jobs.append(job)
        fingerprints[student, assignment.id] = fingerprint
    if jobs:
        with (
            engine.cluster(options.scheduler, options.workers) as client,
            tqdm(total=len(jobs), unit="submission", desc="grading", file=sys.stderr) as progress,
        ):
            for job, text, graded, error in engine.run(client, jobs):
                key = (job.student, job.assignment)
                for step, seconds in (graded.seconds if graded else {}).items():
                    summary.steps[step] = summary.steps.get(step, 0.0) + seconds
                status = record(store, job, text, error)
                ledger = Ledger(fingerprints[key], status, notes[key])
                ledger_path(root, *key).write_text(json.dumps(asdict(ledger), indent=1))
                if status == "graded":
                    summary.graded += 1
                else:
                    summary.failed.append(f"{job.student} {job.assignment}: {status}")
                    progress.write(f"NOT GRADED: {job.student} {job.assignment}: {status}")
                progress.update()
    summary.seconds = time.perf_counter() - started
    return summary


def record(store: Store, job: Job, text: str | None, error: str | None) -> str:
    """Record what the worker returned (or, if grading failed, every exercise at 0 with the reason); the status."""
    if text is not None:
        try:
            store.record(
                job.student, job.assignment, job.notebook, nbformat.reads(text, as_version=4)
            )
            return "graded"
        except Exception as problem:
            error = f"recording failed: {type(problem).__name__}: {str(problem)[:300]}"
    store.record(
        job.student,
        job.assignment,
        job.notebook,
        not_graded(nbformat.reads(job.release, as_version=4), str(error)),
    )
    return f"failed: {error}"


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the course folder (default: here)"
    )
    parser.add_argument(
        "--force", action="store_true", help="grade again submissions already graded"
    )
    parser.add_argument(
        "--workers", type=int, help="local worker processes (default: one per core)"
    )
    parser.add_argument(
        "--scheduler", help="a Dask scheduler, tcp://host:8786, to grade on its workers instead"
    )
    parser.add_argument(
        "--no-sandbox",
        action="store_true",
        help="run students' code unconfined (only for trusted code: see README)",
    )
    arguments = parser.parse_args()
    root = arguments.root.resolve()
    if not arguments.no_sandbox and not sandbox.available():
        sys.exit(
            "The grading sandbox needs bubblewrap and prlimit: `apt-get install bubblewrap util-linux`."
        )
    summary = grade_all(
        root,
        Options(
            arguments.force,
            not arguments.no_sandbox,
            workers=arguments.workers,
            scheduler=arguments.scheduler or None,
        ),
    )
    export = nbgrader(root, "export", "--to", "grades.csv")
    if export.returncode != 0:
        summary.failed.append(f"nbgrader export failed: {export.stderr.strip()[-500:]}")
    write_reports(root)
    print(summary)
    for problem in summary.failed:
        print(f"NOT GRADED: {problem}", file=sys.stderr)
    sys.exit(1 if summary.failed else 0)


if __name__ == "__main__":
    main()
