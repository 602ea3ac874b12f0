"""Checks of source and student notebooks; each returns a list of problems, empty when all is well."""

import importlib
import re
from collections import Counter

from nbformat import NotebookNode

from course.build.cells import (
    HIDDEN_REGION,
    MARKERS,
    SOLUTION_REGION,
    STUB_MARK,
    HiddenTestsFormatError,
    grade_id,
    hidden_call,
    hidden_text,
    is_grade,
    is_solution,
    nbgrader_meta,
    top_level_definitions,
)
from course.build.inline import helper_modules

COURSE_IMPORT = re.compile(r"^\s*(import course\b|from course\b)", re.M)
# What a formatted line may hold that says nothing of an answer: keywords, brackets, separators.
SYNTAX_ONLY = re.compile(
    r"\b(return|yield|lambda|else|elif|try|finally|pass|for|in|if|not|and|or)\b|[\s()\[\]{}:,.*=+-]"
)


def source_problems(nb: NotebookNode, graded_names: tuple[str, ...]) -> list[str]:
    """What is wrong with a source notebook: stored outputs, grading metadata, missing graded names."""
    problems = []
    for cell in nb.cells:
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count")):
            problems.append(f"cell {cell.get('id')}: stored outputs (clear them before committing)")
        if is_grade(cell) and not (nbgrader_meta(cell).get("points") or 0) > 0:
            problems.append(f"grade cell {grade_id(cell)}: no points")
        if is_grade(cell) and cell.cell_type == "code" and not HIDDEN_REGION.search(cell.source):
            problems.append(f"grade cell {grade_id(cell)}: no hidden tests")
    ids = Counter(grade_id(cell) for cell in nb.cells if grade_id(cell))
    problems += [
        f"grade id {name!r} used by {count} cells" for name, count in ids.items() if count > 1
    ]
    grade_ids = {grade_id(cell) for cell in nb.cells if is_grade(cell)}
    problems += [
        f"solution cell {grade_id(cell)!r} has no grade cell 'test_{grade_id(cell)}'"
        for cell in nb.cells
        if is_solution(cell) and f"test_{grade_id(cell)}" not in grade_ids
    ]
    defined = set().union(
        *(top_level_definitions(cell.source) for cell in nb.cells if is_solution(cell))
    )
    problems += [
        f"graded name {name!r} is not defined in a solution cell"
        for name in graded_names
        if name not in defined
    ]
    return problems


def hidden_test_problems(nb: NotebookNode, exercises_module: str) -> list[str]:
    """What keeps the grader from judging a notebook's hidden tests: a region it cannot read, an unknown
    exercise, substitutes other than the earlier answers its exercise uses, or a case its exercise cannot
    turn into calls."""
    exercises = importlib.import_module(exercises_module).EXERCISES
    problems = []
    for cell in nb.cells:
        if not (is_grade(cell) and cell.cell_type == "code"):
            continue
        try:
            call = hidden_call(cell.source)
        except HiddenTestsFormatError as error:
            problems.append(f"grade cell {grade_id(cell)}: {error}")
            continue
        if f"test_{call.exercise}" != grade_id(cell) or call.exercise not in exercises.exercises:
            problems.append(
                f"grade cell {grade_id(cell)}: hidden_tests names {call.exercise!r}, which is not "
                f"this cell's exercise in {exercises_module}"
            )
            continue
        if set(call.substitutes) != set(exercises[call.exercise].uses):
            problems.append(
                f"grade cell {grade_id(cell)}: substitutes {sorted(call.substitutes)}, but "
                f"{call.exercise} uses {sorted(exercises[call.exercise].uses)} (its exercise's `uses`)"
            )
        for number, case in enumerate(call.cases, 1):
            try:
                exercises[call.exercise].calls(case)
            except Exception as error:
                problems.append(
                    f"grade cell {grade_id(cell)}: case {number} cannot be run: "
                    f"{type(error).__name__}: {error}"
                )
    return problems


def _public_lines(nb: NotebookNode) -> set[str]:
    """Stripped lines of the source notebook outside its solution and hidden-test regions."""
    lines: set[str] = set()
    for cell in nb.cells:
        public = SOLUTION_REGION.sub("", HIDDEN_REGION.sub("", cell.source))
        lines.update(line.strip() for line in public.splitlines())
    return lines


def telling(line: str) -> bool:
    """Whether a stripped line of code says something of its own: not a comment, not bare syntax like `return (`."""
    return len(line) >= 8 and not line.startswith("#") and bool(SYNTAX_ONLY.sub("", line))


def leaked_lines(source: NotebookNode, release: NotebookNode) -> list[str]:
    """Lines of solutions or hidden tests that appear in the student version."""
    public = _public_lines(source)
    secret = {
        line.strip()
        for cell in source.cells
        for region in hidden_text(cell)
        for line in region.splitlines()
        if telling(line.strip())
    } - public
    released = {line.strip() for cell in release.cells for line in cell.source.splitlines()}
    return sorted(secret & released)


def release_problems(source: NotebookNode, release: NotebookNode) -> list[str]:
    """What is wrong with a student version: leaks, missing stubs or cells, helpers not embedded."""
    problems = []
    for cell in release.cells:
        if MARKERS.search(cell.source):
            problems.append(f"cell {cell.get('id')}: solution or hidden-test markers")
        if is_solution(cell) and STUB_MARK not in cell.source:
            problems.append(f"solution cell {grade_id(cell)}: no `{STUB_MARK}` stub")
        embedded = "_install_course_module(" in cell.source
        if (
            cell.cell_type == "code"
            and COURSE_IMPORT.search(cell.source)
            and not (embedded and helper_modules(cell.source))
        ):
            problems.append(f"cell {cell.get('id')}: imports `course`, which students do not have")
    problems += [
        f"solution or hidden-test text leaked: {line!r}" for line in leaked_lines(source, release)
    ]
    source_ids = {str(grade_id(cell)) for cell in source.cells if grade_id(cell)}
    release_ids = {str(grade_id(cell)) for cell in release.cells if grade_id(cell)}
    problems += [f"nbgrader cell {name!r} is missing" for name in sorted(source_ids - release_ids)]
    return problems


def points(nb: NotebookNode) -> float:
    """Total points of a notebook's grade cells."""
    return sum(nbgrader_meta(cell).get("points", 0) for cell in nb.cells if is_grade(cell))
