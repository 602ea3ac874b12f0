"""One exercise's grading process: the notebook's setup, the lockdown, the student's code, the hidden tests.

The zygote (`course.grading.zygote`) forks a fresh process for every exercise of every submission
and calls `run` with a job from the grader (`course.grading.processes`):

1. the release notebook's setup cell runs (trusted: it embeds the course's kernel-side modules), and
   the release's cells that define names the student's cells use;
2. JAX's backend starts, where the notebook imports JAX (it reads the installed packages as it starts);
3. `course.kernel.lockdown` destroys the exercise's forbidden operation and installs the audit hook;
4. the solution cells the exercise needs run, in notebook order, each on its own (an error in one is
   recorded and the next runs);
5. the exercise's hidden-test cell runs, and its `hidden_tests` publishes what the answer returned.

Everything goes back to the grader on one socket, one line each: a refused forbidden call as soon
as it happens (`forbidden `...), a refusal of the audit hook (`refused `...), the results payload
(`payload `...), and what the cells raised (`done `...). The grader trusts none of it beyond what it
can check: a line the student's code forged only ever costs its own exercise.

`course.grading.sandbox` ships this module, and the course modules it imports, to the zygote.
"""

import builtins
import functools
import json
import linecache
import os
import sys
import types
from typing import Any, NoReturn

from course.judging.exercise import MAX_ERROR_TEXT
from course.judging.forbidden import Operation, forbidden_message
from course.judging.payload import DONE_LINE, FORBIDDEN_LINE, PAYLOAD_LINE
from course.kernel.lockdown import lock_down
from course.kernel.switches import ForbiddenCall


def send(line: int, kind: bytes, data: Any) -> None:
    """Write one line to the grader: `kind`, then `data` as JSON."""
    os.write(line, kind + json.dumps(data).encode() + b"\n")


def refuser(line: int, exercise: str) -> Any:
    """What the destroyed operation does when called: tell the grader at once, then raise ForbiddenCall."""

    def refuse(shown: str) -> NoReturn:
        try:
            send(line, FORBIDDEN_LINE, shown)
        finally:
            raise ForbiddenCall(forbidden_message(exercise, shown))

    return refuse


def run_cell(source: str, name: str, namespace: dict[str, Any]) -> str | None:
    """Run one cell's code in the notebook's namespace; what it raised, as text, or None."""
    filename = f"<{name}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    try:
        exec(compile(source, filename, "exec"), namespace)
    except BaseException as error:  # SystemExit and KeyboardInterrupt too: they are the cell's
        return f"{type(error).__name__}: {error}"[:MAX_ERROR_TEXT]
    return None


def run(job: dict[str, Any], line: int) -> None:
    """Grade one exercise of one submission in this process, writing every result to the file descriptor `line`."""
    main = types.ModuleType("__main__")
    main.__dict__["__builtins__"] = builtins
    sys.modules["__main__"] = main
    namespace = main.__dict__
    setup_error = run_cell(job["setup"], "setup", namespace)
    if setup_error is not None:
        send(line, DONE_LINE, {"setup": setup_error, "cells": {}, "test": None})
        return
    for source in job["context"]:
        run_cell(source, "release cell", namespace)
    sys.modules["course.kernel.notebook"].publishers.append(
        lambda payload: send(line, PAYLOAD_LINE, payload)
    )
    # a notebook's display(); here nobody sees it
    builtins.display = lambda *objects, **options: None  # type: ignore[attr-defined]
    if "jax" in sys.modules:
        sys.modules["jax"].devices()
    # the student's code may write to stderr; nobody reads it
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    os.close(null)
    lock_down(
        Operation(**job["forbidden"]),
        refuser(line, job["exercise"]),
        namespace,
        functools.partial(os.write, line),
    )
    errors = {
        name: error
        for name, source in job["cells"]
        if (error := run_cell(source, f"solution {name}", namespace)) is not None
    }
    test_error = run_cell(job["test"], f"test {job['exercise']}", namespace)
    send(line, DONE_LINE, {"setup": None, "cells": errors, "test": test_error})
