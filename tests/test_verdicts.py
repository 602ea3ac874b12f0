"""Trusted verdicts: the grader judges published outputs itself, and any gap in them costs the exercise."""

import textwrap

import pytest
import torch
from nbformat.v4 import new_code_cell, new_output

from course.build.cells import HiddenTestsFormatError, hidden_call
from course.exercises import strides
from course.exercises.strides import AS_STRIDED_TRACE
from course.grading.verdicts import KERNEL_STOPPED, TIMED_OUT, judge_cell
from course.payload import MIME_TYPE

CASES = [{"mat": (3, 3), "seed": 1}, {"mat": (2, 2), "seed": 2, "dtype": "float32"}]
SOURCE = textwrap.dedent(f"""\
    # Hidden tests for as_strided_trace run here when your notebook is graded.
    ### BEGIN HIDDEN TESTS
    def _helper():
        pass


    hidden_tests("as_strided_trace", as_strided_trace, cases={CASES!r})
    ### END HIDDEN TESTS
    """)


def trace(mat):
    rows, columns = mat.stride()
    return torch.as_strided(mat, (mat.shape[0],), (rows + columns,)).sum()


def published(answer, cases=CASES) -> dict:
    """The payload the kernel-side hidden tests publish for `answer`."""
    return {"exercise": "as_strided_trace", "records": [AS_STRIDED_TRACE.run(answer, case).encode() for case in cases]}


def executed(*payloads, error: str | None = None):
    """A grade cell as nbgrader left it after execution: these payloads, then maybe an error."""
    cell = new_code_cell(SOURCE)
    cell.outputs = [new_output("stream", name="stdout", text="student printing\n")]
    cell.outputs += [new_output("display_data", data={MIME_TYPE: payload}) for payload in payloads]
    if error:
        cell.outputs.append(new_output("error", ename=error, evalue="", traceback=[]))
    return cell


def verdict(cell):
    return judge_cell(strides, SOURCE, cell)


def test_the_hidden_call_is_read_from_the_trusted_source():
    call = hidden_call(SOURCE)
    assert call.exercise == "as_strided_trace" and call.cases == CASES


@pytest.mark.parametrize("region, problem", [
    ("hidden_tests('x', f, cases=[{}])\nprint(1)", "must end with a hidden_tests"),
    ("hidden_tests(name, f, cases=[{}])", "name its exercise as a string"),
    ("hidden_tests('x', f, cases=make_cases())", "literal list"),
    ("hidden_tests('x', f, cases=[])", "non-empty list of dicts"),
    ("hidden_tests('x', f)", "cases=[...]"),
])
def test_a_hidden_region_in_another_form_is_refused(region, problem):
    with pytest.raises(HiddenTestsFormatError, match=problem.replace("[", r"\[").replace("(", r"\(")):
        hidden_call(f"### BEGIN HIDDEN TESTS\n{region}\n### END HIDDEN TESTS\n")


def test_a_right_answer_passes_and_a_wrong_one_gets_the_message():
    assert verdict(executed(published(trace))).passed
    wrong = verdict(executed(published(lambda mat: mat.sum())))
    assert not wrong.passed and wrong.message.startswith("as_strided_trace(mat (3, 3)): expected")
    assert wrong.output().output_type == "error" and wrong.output().ename == "CheckFailed"


def test_missing_results_fail_with_the_reason():
    assert "did not finish: no results came back" in verdict(executed()).message
    assert "ran out of time" in verdict(executed(error=TIMED_OUT)).message
    assert "kernel stopped" in verdict(executed(error=KERNEL_STOPPED)).message


def test_a_second_payload_makes_none_trusted():
    result = verdict(executed(published(trace), published(trace)))
    assert not result.passed and "more than one set of results" in result.message
    assert any("2 results payloads" in note for note in result.notes)


@pytest.mark.parametrize("payload", [
    {"exercise": "as_strided_mv", "records": []}, {"exercise": "as_strided_trace", "records": []},
    {"exercise": "as_strided_trace", "records": [{"outcomes": "x"}] * 2}, "verdict: passed", {"passed": True},
])
def test_malformed_or_foreign_payloads_fail(payload):
    result = verdict(executed(payload))
    assert not result.passed and "malformed" in result.message


def test_a_payload_with_too_few_outcomes_fails():
    payload = published(trace)
    payload["records"][0]["outcomes"] = payload["records"][0]["outcomes"][:1]
    assert "do not match the calls" in verdict(executed(payload)).message


def test_forbidden_calls_and_changed_inputs_reach_the_notes():
    result = verdict(executed(published(lambda mat: torch.trace(mat))))
    assert not result.passed and "called torch.trace" in result.message
    assert "as_strided_trace: called torch.trace" in result.notes
    zeroed = verdict(executed(published(lambda mat: mat.zero_().sum())))
    assert any("changed its input mat in place" in note for note in zeroed.notes)


def test_a_value_no_check_foresaw_fails_without_crashing_the_grader():
    payload = published(trace)
    payload["records"][0]["outcomes"][0]["value"] = {"dict": {"a": {"plain": 1}}}
    result = verdict(executed(payload))
    assert not result.passed and "as_strided_trace" in result.message


def test_an_unknown_exercise_is_not_gradable():
    source = SOURCE.replace('"as_strided_trace", as_strided_trace', '"nonexistent", f')
    result = judge_cell(strides, source, executed(published(trace)))
    assert not result.passed and any("not gradable" in note for note in result.notes)
