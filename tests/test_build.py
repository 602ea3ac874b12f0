"""The release build's parts: embedding helpers and the checks of source and student notebooks."""

import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from course.build import inline
from course.build.verify import (
    hidden_test_problems,
    leaked_lines,
    release_problems,
    source_problems,
)

REPO = Path(__file__).resolve().parent.parent


def blocked_course(tmp_path: Path) -> dict[str, str]:
    """An environment in which the `course` package cannot be imported, as on a student's machine.

    `import course` fails, and the editable install's finder, which would still find modules below
    `course` once a notebook registered the package from its embedded helpers, is removed at start-up.
    """
    (tmp_path / "block" / "course").mkdir(parents=True, exist_ok=True)
    (tmp_path / "block" / "course" / "__init__.py").write_text(
        "raise ImportError('course is not installed here')\n"
    )
    (tmp_path / "block" / "sitecustomize.py").write_text(
        "import sys\nsys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in getattr(f, '__module__', '')]\n"
    )
    return {"PYTHONPATH": str(tmp_path / "block")}


def test_embedded_helpers_run_without_the_course_package(tmp_path):
    cell = (
        "from course.kernel.notebook import *\nfrom course.kernel.plots import *\n"
        "from course.exercises.strides import *\nglobals().update(checks_for(EXERCISES))\n"
        "print(EXERCISES.exercises['as_strided_trace'].__module__, show_grid.__name__, callable(check_warmup))\n"
    )
    script = tmp_path / "cell.py"
    script.write_text(inline.embed_helpers(cell))
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**blocked_course(tmp_path), "MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "course.exercises.strides show_grid True"
    hidden = subprocess.run(
        [sys.executable, "-c", "import course.grading"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=blocked_course(tmp_path),
    )
    assert "not installed here" in hidden.stderr


def test_embedding_brings_every_course_module_a_helper_imports_first():
    order = inline.with_dependencies(["exercises.strides", "kernel.notebook"])
    for needed in (
        "judging.checks",
        "judging.payload",
        "judging.exercise",
        "judging.forbidden",
        "exercises.tensors",
        "judging.device",
    ):
        assert order.index(needed) < order.index("exercises.strides"), order
    for needed in (
        "kernel.switches",
        "kernel.encode",
        "kernel.runtime",
        "versions",
        "judging.exercise",
    ):
        assert order.index(needed) < order.index("kernel.notebook"), order
    assert (
        order.index("judging.payload")
        < order.index("judging.checks")
        < order.index("judging.exercise")
    )
    assert not any(name.startswith(("grading", "build")) for name in order)


def test_embedding_keeps_the_cell_and_only_touches_helper_cells():
    cell = new_code_cell("from course.judging.checks import *\nimport torch")
    other = new_code_cell("x = 1")
    for c in (cell, other):
        inline.EmbedCourseHelpers().preprocess_cell(c, {}, 0)
    assert cell.source.endswith("from course.judging.checks import *\nimport torch")
    assert "_install_course_module('judging.checks', r'''" in cell.source
    assert cell.metadata["jupyter"]["source_hidden"] is True and cell.metadata["cellView"] == "form"
    assert other.source == "x = 1" and "jupyter" not in other.metadata


def test_a_module_that_cannot_be_embedded_is_refused(monkeypatch, tmp_path):
    (tmp_path / "judging").mkdir()
    (tmp_path / "judging" / "checks.py").write_text("x = '''oops'''\n")
    monkeypatch.setattr(inline, "COURSE", tmp_path)
    with pytest.raises(inline.HelperSourceError):
        inline.embed_helpers("from course.judging.checks import *")


def nb(*cells):
    """A notebook of these cells."""
    return new_notebook(cells=list(cells))


def grader(cell, **meta):
    """`cell` with nbgrader metadata."""
    cell.metadata["nbgrader"] = {
        "schema_version": 3,
        "locked": True,
        "solution": False,
        "grade": False,
        **meta,
    }
    return cell


SOLUTION = grader(
    new_code_cell(
        textwrap.dedent("""\
    def f(x):
        \"\"\"Double x.\"\"\"
        ### BEGIN SOLUTION
        return x * 2 + 0
        ### END SOLUTION
    """)
    ),
    grade_id="f",
    solution=True,
    locked=False,
)
TESTS = grader(
    new_code_cell(
        textwrap.dedent("""\
    # Hidden tests for f run here.
    ### BEGIN HIDDEN TESTS
    assert f(21) == 42, 'secret check'
    ### END HIDDEN TESTS
    """)
    ),
    grade_id="test_f",
    grade=True,
    points=2,
)


def test_a_clean_source_has_no_problems():
    assert source_problems(nb(new_markdown_cell("# f"), SOLUTION, TESTS), ("f",)) == []


def test_source_problems_are_each_reported():
    outputs = new_code_cell("1", execution_count=1)
    no_points = grader(
        new_code_cell("### BEGIN HIDDEN TESTS\npass\n### END HIDDEN TESTS"),
        grade_id="test_f",
        grade=True,
    )
    no_hidden = grader(new_code_cell("assert True"), grade_id="test_g", grade=True, points=1)
    problems = source_problems(nb(outputs, SOLUTION, no_points, no_hidden), ("f", "missing_name"))
    joined = "\n".join(problems)
    for expected in (
        "stored outputs",
        "grade cell test_f: no points",
        "grade cell test_g: no hidden tests",
        "graded name 'missing_name'",
    ):
        assert expected in joined, joined
    assert "solution cell 'f' has no grade cell" not in joined
    assert "grade id 'x' used by 2 cells" in "\n".join(
        source_problems(
            nb(grader(new_code_cell(""), grade_id="x"), grader(new_code_cell(""), grade_id="x")), ()
        )
    )
    orphan = grader(new_code_cell("def h(): pass"), grade_id="h", solution=True, locked=False)
    assert "solution cell 'h' has no grade cell 'test_h'" in "\n".join(
        source_problems(nb(orphan), ("h",))
    )


def release_of(source):
    """A correct student version of `source`, as nbgrader builds it."""
    release = nbformat.reads(nbformat.writes(source), as_version=4)
    release.cells[
        0
    ].source = (
        'def f(x):\n    """Double x."""\n    # YOUR CODE HERE\n    raise NotImplementedError()'
    )
    release.cells[1].source = "# Hidden tests for f run here.\n"
    return release


def test_a_correct_release_has_no_problems():
    source = nb(SOLUTION, TESTS)
    assert release_problems(source, release_of(source)) == []


def test_leaks_missing_stubs_and_course_imports_are_reported():
    source = nb(SOLUTION, TESTS)
    leaky = release_of(source)
    leaky.cells[0].source = SOLUTION.source.replace("### BEGIN SOLUTION\n", "").replace(
        "### END SOLUTION\n", ""
    )
    leaky.cells.append(new_code_cell("from course.judging.checks import *"))
    problems = "\n".join(release_problems(source, leaky))
    assert "no `# YOUR CODE HERE` stub" in problems
    assert "leaked: 'return x * 2 + 0'" in problems
    assert "imports `course`" in problems
    assert leaked_lines(source, release_of(source)) == []
    marked = release_of(source)
    marked.cells[1].source = TESTS.source
    problems = "\n".join(release_problems(source, marked))
    assert "markers" in problems and "secret check" in problems
    del marked.cells[1]
    assert "nbgrader cell 'test_f' is missing" in "\n".join(release_problems(source, marked))


def test_hidden_tests_must_substitute_exactly_the_answers_their_exercise_uses():
    """A hidden test that let conv1d call the student's own pad1d would cost one mistake twice."""
    source = nbformat.read(REPO / "source" / "03_padding" / "padding.ipynb", as_version=4)
    assert hidden_test_problems(source, "course.exercises.padding") == []
    (cell,) = [
        c
        for c in source.cells
        if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "test_conv1d"
    ]
    cell.source = cell.source.replace('substitutes={"pad1d": _reference_pad1d}, ', "")
    assert hidden_test_problems(source, "course.exercises.padding") == [
        "grade cell test_conv1d: substitutes [], but conv1d uses ['pad1d'] (its exercise's `uses`)"
    ]
