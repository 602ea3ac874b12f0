"""Convolutions from scratch: helpers the notebooks use, and the tooling that builds and grades them.

- `checks`, `plots`, `runtime`: imported by source notebooks; `make release` copies them
  into each student notebook so that it runs without this package.
- `build`: builds and verifies the student versions in `release/`.
- `grading`: grades submissions in bulk and reports on them.
"""
