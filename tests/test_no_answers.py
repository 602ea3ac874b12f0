"""No student notebook holds an answer: no function or class it defines passes any exercise's hidden tests.

Each release notebook runs as a student gets it (without the `course` package: its helpers are the
embedded copies). Then every function, method and class defined by its cells or by its embedded
course modules is tried as the answer of every exercise whose signature it fits, positionally or by
parameter names, against that exercise's hidden cases, and judged by the exercise's own code. The
grader-only references (`course.grading.references`) are installed in this test's kernel to judge with;
they are no candidate, and neither are the exercises' `reference` and `expected` methods that call them
(a student notebook cannot import them: tests/test_build.py).
"""

import ast
import json
from pathlib import Path

import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

from course.build.cells import hidden_call, is_grade, is_solution
from course.build.contract import ASSIGNMENTS
from course.build.inline import helper_source
from tests.notebooks import read
from tests.test_build import blocked_course

REPO = Path(__file__).resolve().parent.parent

TRY_EVERYTHING = r'''
import inspect, json, sys, types, warnings
warnings.simplefilter("ignore")
from course.judging.checks import CheckFailed
from course.kernel.notebook import guarded_record, roundtrip

def _candidates():
    """Every function, bound method and class the notebook and its embedded course modules define."""
    found = {}
    spaces = [("notebook", vars(sys.modules["__main__"]))]
    spaces += [(name, vars(module)) for name, module in list(sys.modules.items())
               if name.startswith("course") and name != "course.grading.references"]
    for owner, space in spaces:
        for name, value in list(space.items()):
            if isinstance(value, (types.FunctionType, type)) and getattr(value, "__module__", "") in (
                    "__main__", owner) or (owner == "notebook" and isinstance(value, types.FunctionType)):
                found[f"{owner}.{name}"] = value
            if isinstance(value, type) and getattr(value, "__module__", "").startswith(("course", "__main__")):
                for attribute, member in vars(value).items():
                    if isinstance(member, types.FunctionType) and not attribute.startswith("__"):
                        found[f"{owner}.{name}.{attribute}"] = member
            elif not isinstance(value, (type, types.ModuleType, types.FunctionType)) and \
                    type(value).__module__.startswith("course"):
                for attribute in dir(value):
                    member = getattr(value, attribute, None)
                    grader_only = getattr(value, "trusted_reference", "") and attribute in ("reference", "expected")
                    if isinstance(member, types.MethodType) and not attribute.startswith("__") and not grader_only:
                        found[f"{owner}.{name}.{attribute}"] = member
    return found

def _adapters(candidate, parameters):
    """Ways to call `candidate` as an answer with these parameter names: positionally, or by name."""
    if isinstance(candidate, type):
        yield "as is", candidate
        return
    try:
        signature = inspect.signature(candidate)
    except (TypeError, ValueError):
        return
    try:
        signature.bind(*parameters)
        yield "positionally", candidate
    except TypeError:
        pass
    try:
        signature.bind(**dict.fromkeys(parameters))
        yield "by name", lambda *args, f=candidate: f(**dict(zip(parameters, args)))
    except TypeError:
        pass

_passing = []
_exercises = {name: sys.modules[EXERCISES_MODULE].EXERCISES[name] for name in TARGETS}
_found = _candidates()
for _name, (_parameters, _is_class, _cases) in TARGETS.items():
    _exercise = _exercises[_name]
    for _label, _candidate in _found.items():
        if isinstance(_candidate, type) != _is_class:
            continue
        for _how, _answer in _adapters(_candidate, _parameters):
            _key = f"{_label} ({_how}) passes {_name}"
            try:
                for _case in _cases:
                    _exercise.judge(_case, roundtrip(guarded_record(_exercise, _answer, _case)))
            except CheckFailed:
                continue
            except BaseException as _error:
                if isinstance(_error, KeyboardInterrupt):
                    raise
                continue
            _passing.append(_key)
print(json.dumps(_passing))
'''


def targets(source) -> dict[str, tuple[list[str], bool, list[dict]]]:
    """For each graded function or class: its parameter names, whether it is a class, and its hidden cases."""
    cases = {
        hidden_call(cell.source).exercise: hidden_call(cell.source).cases
        for cell in source.cells
        if is_grade(cell) and cell.cell_type == "code"
    }
    found = {}
    for cell in source.cells:
        if not is_solution(cell):
            continue
        for node in ast.parse(cell.source).body:
            if isinstance(node, ast.FunctionDef) and node.name in cases:
                found[node.name] = ([a.arg for a in node.args.args], False, cases[node.name])
            elif isinstance(node, ast.ClassDef) and node.name in cases:
                found[node.name] = ([], True, cases[node.name])
    return found


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_nothing_a_student_notebook_defines_passes_a_hidden_test(tmp_path, assignment):
    release, source = (
        read(assignment.path(REPO / "release")),
        read(assignment.path(REPO / "source")),
    )
    folder = tmp_path / "student"
    folder.mkdir()
    client = NotebookClient(
        release,
        kernel_name="python3",
        timeout=600,
        allow_errors=True,
        resources={"metadata": {"path": str(folder)}},
    )
    with client.setup_kernel(
        env={**blocked_course(tmp_path), "MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"}
    ):
        for index, cell in enumerate(release.cells):
            if cell.cell_type == "code" and not is_solution(cell):
                client.execute_cell(cell, index)
        setup = (
            f"EXERCISES_MODULE = {assignment.exercises_module!r}\n"
            # keeps tuples and lists apart
            f"TARGETS = ast.literal_eval({repr(targets(source))!r})\n"
            f"_install_course_module('grading.references', {helper_source('grading.references')!r})\n"
        )
        probe = client.execute_cell(new_code_cell("import ast\n" + setup + TRY_EVERYTHING), 0)
    printed = "".join(
        output.get("text", "") for output in probe.outputs if output.get("name") == "stdout"
    )
    errors = [output for output in probe.outputs if output.get("output_type") == "error"]
    assert not errors, "\n".join(errors[0]["traceback"])
    passing = json.loads(printed.strip().splitlines()[-1])
    assert passing == [], "\n".join(passing)
