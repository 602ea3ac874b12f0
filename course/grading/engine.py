"""Where submissions are graded: worker processes on this machine, or any Dask cluster.

Each submission is one Dask task, `grade_submission`, which runs the whole protected path on a
worker and returns the graded notebook; workers need the course's Python environment and
bubblewrap, but no shared disk and no database. A worker that dies mid-task is replaced and its
task run again elsewhere (Dask's scheduler does this), at most `ALLOWED_FAILURES` times; each
submission's result comes back once, and the driver alone records it.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager

import dask
from distributed import Client, LocalCluster, as_completed

from course.grading.pipeline import Graded, Job, grade_submission

ALLOWED_FAILURES = 2


def default_workers() -> int:
    """How many submissions to grade at once on this machine: one per core."""
    return os.cpu_count() or 1


@contextmanager
def cluster(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client for the Dask scheduler at `scheduler` (tcp://host:8786), or for local worker processes."""
    with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}):
        if scheduler:
            with Client(scheduler) as client:
                yield client
            return
        with (
            LocalCluster(
                n_workers=workers or default_workers(),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            ) as local,
            Client(local) as client,
        ):
            yield client


def run(
    client: Client, jobs: list[Job]
) -> Iterator[tuple[Job, str | None, Graded | None, str | None]]:
    """Grade `jobs` on the cluster; yield (job, graded notebook text, what happened, why it failed) as each ends."""
    futures = {
        client.submit(
            grade_submission, job, key=f"grade-{job.student}-{job.assignment}-{index}", pure=False
        ): job
        for index, job in enumerate(jobs)
    }
    for future in as_completed(futures):
        job = futures[future]
        try:
            text, graded = future.result()
        except Exception as error:  # the task raised, or its workers kept dying (KilledWorker)
            yield job, None, None, f"{type(error).__name__}: {str(error)[:300]}"
        else:
            yield job, text, graded, None
        future.release()
