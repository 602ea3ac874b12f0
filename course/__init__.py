"""Convolutions from scratch: helpers the notebooks use, and the tooling that builds and grades them.

- `kernel`: what runs in a student's process, in a notebook or a grading process: notebook helpers
  and visible checks, switching forbidden operations off, the lockdown, the pictures. `make release`
  copies what a notebook imports into it, so that it runs without this package.
- `judging`: what both sides share: what an exercise asks and how an outcome is judged, the payload's
  format, the operations exercises forbid.
- `exercises`: one module per notebook, its exercises' cases, references and known mistakes.
- `build`: builds and verifies the student versions in `release/`, keeps each source notebook and
  its text twin together, publishes the student repository and, after the deadline, its solutions.
- `grading`: the grader's side: the protected grading path, grading in bulk, reports, grade files
  for the LMS and feedback archives.
- `versions`: the pinned and the oldest supported versions.
"""
