"""Trusted verdicts: the grader judges published outputs itself, and any gap in them costs the exercise."""

import textwrap

import pytest
import torch
from nbformat.v4 import new_code_cell, new_output

from course.build.cells import HiddenTestsFormatError, hidden_call
from course.exercises import strides
from course.exercises.strides import AS_STRIDED_TRACE
from course.grading.notes import (
    FORBIDDEN,
    NOT_JUDGED,
    NOTES,
    PASSED,
    RAN,
    REFUSED,
    UNFINISHED,
    UNWRITTEN,
    WRONG,
)
from course.grading.verdicts import judge_cell
from course.judging.payload import MIME_TYPE
from course.kernel.encode import encode_record
from course.kernel.notebook import guarded_record

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
    """The payload a grading process publishes for `answer` (the forbidden operation switched off here instead)."""
    return {
        "exercise": "as_strided_trace",
        "records": [
            encode_record(guarded_record(AS_STRIDED_TRACE, answer, case)) for case in cases
        ],
    }


def executed(*payloads, **ran):
    """A grade cell as its grading process left it: these payloads, and what the process reported."""
    cell = new_code_cell(SOURCE)
    cell.outputs = [new_output("display_data", data={MIME_TYPE: payload}) for payload in payloads]
    cell.metadata[NOTES] = {
        RAN: {
            "forbidden": [],
            "refused": [],
            "done": {"setup": None, "cells": {}, "test": None},
            "status": 0,
            "timed_out": False,
            **ran,
        }
    }
    return cell


def solution(**notes):
    """The exercise's solution cell, with these notes of the intake."""
    cell = new_code_cell("def as_strided_trace(mat):\n    ...")
    if notes:
        cell.metadata[NOTES] = notes
    return cell


def verdict(cell, solution_cell=None):
    return judge_cell(
        strides, SOURCE, cell, solution_cell if solution_cell is not None else solution()
    )


def test_the_hidden_call_is_read_from_the_trusted_source():
    call = hidden_call(SOURCE)
    assert call.exercise == "as_strided_trace" and call.cases == CASES and call.substitutes == ()
    replaced = hidden_call(
        SOURCE.replace("cases=", "namespace=globals(), substitutes={'f': _helper}, cases=")
    )
    assert replaced.substitutes == ("f",)


@pytest.mark.parametrize(
    "region, problem",
    [
        ("hidden_tests('x', f, cases=[{}])\nprint(1)", "must end with a hidden_tests"),
        ("hidden_tests(name, f, cases=[{}])", "name its exercise as a string"),
        ("hidden_tests('x', f, cases=make_cases())", "literal list"),
        ("hidden_tests('x', f, cases=[])", "non-empty list of dicts"),
        ("hidden_tests('x', f)", "cases=[...]"),
        ("hidden_tests('x', f, substitutes=make(), cases=[{}])", "substitutes={...}"),
    ],
)
def test_a_hidden_region_in_another_form_is_refused(region, problem):
    with pytest.raises(
        HiddenTestsFormatError,
        match=problem.replace("[", r"\[")
        .replace("(", r"\(")
        .replace("{", r"\{")
        .replace("}", r"\}"),
    ):
        hidden_call(f"### BEGIN HIDDEN TESTS\n{region}\n### END HIDDEN TESTS\n")


def test_a_right_answer_passes_and_a_wrong_one_gets_the_message():
    right = verdict(executed(published(trace)))
    assert right.passed and right.summary() == {"outcome": PASSED, "mistakes": []}
    wrong = verdict(executed(published(lambda mat: mat.sum())))
    assert not wrong.passed and wrong.message.startswith("as_strided_trace(mat (3, 3)): expected")
    assert wrong.output().output_type == "error" and wrong.output().ename == "CheckFailed"
    assert wrong.summary() == {"outcome": WRONG, "mistakes": []}


def test_a_named_mistake_is_recorded_by_its_id():
    def contiguous_only(mat):
        return torch.as_strided(mat, (mat.shape[0],), (mat.shape[0] + 1,)).sum()

    result = verdict(executed(published(contiguous_only)))
    step = [
        mistake.id
        for mistake in AS_STRIDED_TRACE.mistakes(torch.eye(2))
        if mistake.text.startswith("the diagonal step is n + 1")
    ]
    assert "\nLikely mistake: the diagonal step is n + 1" in result.message
    assert result.summary() == {"outcome": WRONG, "mistakes": step} and len(step) == 1


def test_missing_results_fail_with_the_reason():
    assert "did not finish: no results came back" in verdict(executed()).message
    assert verdict(executed()).outcome == UNFINISHED
    assert "ran out of time" in verdict(executed(timed_out=True, done=None)).message
    assert "the process stopped" in verdict(executed(done=None, status=-9)).message
    raised = verdict(
        executed(done={"setup": None, "cells": {}, "test": "NameError: name 'x' is not defined"}),
        solution(),
    )
    assert "they raised NameError: name 'x' is not defined" in raised.message
    broken = solution()
    broken.outputs = [
        new_output("error", ename="SyntaxError", evalue="invalid syntax", traceback=[])
    ]
    assert (
        "the solution cell of as_strided_trace raised SyntaxError: invalid syntax"
        in verdict(
            executed(done={"setup": None, "cells": {}, "test": "NameError: x"}), broken
        ).message
    )


def test_a_forbidden_call_the_process_reported_costs_the_exercise_even_with_right_results():
    result = verdict(executed(published(trace), forbidden=["PyTorch's trace (aten::trace)"]))
    assert not result.passed and "called PyTorch's trace (aten::trace)" in result.message
    assert "as_strided_trace: called PyTorch's trace (aten::trace)" in result.notes
    assert result.outcome == FORBIDDEN


def test_refusals_reach_the_notes():
    result = verdict(executed(published(trace), refused=["open '/proc/self/mem'"]))
    assert result.passed and "as_strided_trace: refused: open '/proc/self/mem'" in result.notes


def test_a_refused_or_unwritten_solution_is_not_judged():
    refused = verdict(executed(published(trace)), solution(**{REFUSED: ["line 1: imports 'os'"]}))
    assert (
        not refused.passed and "breaks the grading rules (line 1: imports 'os')" in refused.message
    )
    unwritten = verdict(executed(), solution(**{UNWRITTEN: True}))
    assert not unwritten.passed and "not written yet" in unwritten.message
    assert (refused.outcome, unwritten.outcome) == (REFUSED, UNWRITTEN)


def test_a_second_payload_makes_none_trusted():
    result = verdict(executed(published(trace), published(trace)))
    assert not result.passed and "more than one set of results" in result.message
    assert any("2 results payloads" in note for note in result.notes)
    assert result.outcome == NOT_JUDGED


@pytest.mark.parametrize(
    "payload",
    [
        {"exercise": "as_strided_mv", "records": []},
        {"exercise": "as_strided_trace", "records": []},
        {"exercise": "as_strided_trace", "records": [{"outcomes": "x"}] * 2},
        "verdict: passed",
        {"passed": True},
    ],
)
def test_malformed_or_foreign_payloads_fail(payload):
    result = verdict(executed(payload))
    assert not result.passed and "malformed" in result.message
    assert result.outcome == NOT_JUDGED


def test_a_payload_with_too_few_outcomes_fails():
    payload = published(trace)
    payload["records"][0]["outcomes"] = payload["records"][0]["outcomes"][:1]
    assert "do not match the calls" in verdict(executed(payload)).message


def test_forbidden_calls_in_the_records_and_changed_inputs_reach_the_notes():
    result = verdict(executed(published(lambda mat: torch.trace(mat))))
    assert not result.passed and "called PyTorch's trace (aten::trace)" in result.message
    assert "as_strided_trace: called PyTorch's trace (aten::trace)" in result.notes
    assert result.outcome == FORBIDDEN
    zeroed = verdict(executed(published(lambda mat: mat.zero_().sum())))
    assert any("changed its input mat in place" in note for note in zeroed.notes)


def test_a_value_no_check_foresaw_fails_without_crashing_the_grader():
    payload = published(trace)
    payload["records"][0]["outcomes"][0]["value"] = {"dict": {"a": {"plain": 1}}}
    result = verdict(executed(payload))
    assert not result.passed and "as_strided_trace" in result.message


def test_an_unknown_exercise_is_not_gradable():
    source = SOURCE.replace('"as_strided_trace", as_strided_trace', '"nonexistent", f')
    result = judge_cell(strides, source, executed(published(trace)), solution())
    assert not result.passed and any("not gradable" in note for note in result.notes)
