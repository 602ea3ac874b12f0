"""One exercise description drives the visible check and the hidden tests; outcomes are recorded, never raised."""

import numpy as np
import pytest
import torch

from course.exercises.strides import AS_STRIDED_TRACE, EXERCISES
from course.judging.checks import CheckFailed
from course.judging.exercise import Record
from course.judging.payload import MalformedPayload
from course.kernel import notebook
from course.kernel.notebook import (
    check,
    guarded_record,
    hidden_tests,
    needs,
    roundtrip,
    substituted,
)

CASE = {"mat": (4, 4), "seed": 7}


def trace(mat):
    rows, columns = mat.stride()
    return torch.as_strided(mat, (mat.shape[0],), (rows + columns,)).sum()


def judged(answer, case=CASE) -> str:
    """The message the judge gives `answer` on `case` ("" when it passes)."""
    try:
        AS_STRIDED_TRACE.judge(case, roundtrip(guarded_record(AS_STRIDED_TRACE, answer, case)))
    except CheckFailed as failure:
        return str(failure)
    return ""


def test_a_correct_answer_passes_every_layout():
    record = guarded_record(AS_STRIDED_TRACE, trace, CASE)
    assert [o.label for o in record.outcomes] == [
        "contiguous",
        "mat transposed view",
        "mat every-other-element slice",
        "mat storage_offset 3",
    ]
    assert judged(trace) == ""


def test_a_stub_is_not_written_yet():
    def stub(mat):
        raise NotImplementedError()

    assert judged(stub).startswith(
        "as_strided_trace is not written yet: replace `raise NotImplementedError()`"
    )


def test_an_error_names_the_call():
    def broken(mat):
        raise ValueError("boom")

    assert judged(broken) == "as_strided_trace(mat (4, 4)) raised ValueError: boom"


def test_a_pitfall_is_named_on_the_layout_that_exposes_it():
    def contiguous_step(mat):
        return torch.as_strided(mat, (mat.shape[0],), (mat.shape[0] + 1,)).sum()

    text = judged(contiguous_step)
    assert text.startswith("as_strided_trace(mat (4, 4) every-other-element slice): expected")
    assert text.endswith(
        "Likely mistake: the diagonal step is n + 1, which is right only for a contiguous matrix; "
        "use mat.stride()"
    )


def test_a_forbidden_call_is_recorded_even_when_the_answer_catches_it():
    def sneaky(mat):
        try:
            return torch.trace(mat)
        except Exception:
            return trace(mat)

    record = guarded_record(AS_STRIDED_TRACE, sneaky, CASE)
    assert record.forbidden == ["PyTorch's trace (aten::trace)"]
    assert "called PyTorch's trace (aten::trace)" in judged(sneaky)


def test_inputs_changed_in_place_are_reported_and_do_not_help():
    def zeroes(mat):
        mat.zero_()
        return mat.sum()

    record = guarded_record(AS_STRIDED_TRACE, zeroes, CASE)
    assert "contiguous: changed its input mat in place" in record.changed
    text = judged(zeroes)
    assert text.startswith("as_strided_trace(mat (4, 4)): expected") and text.endswith(", got 0.")


def test_outcomes_that_do_not_match_the_calls_are_refused():
    record = roundtrip(guarded_record(AS_STRIDED_TRACE, trace, CASE))
    record.outcomes = record.outcomes[:1]
    with pytest.raises(CheckFailed, match="do not match the calls"):
        AS_STRIDED_TRACE.judge(CASE, record)


@pytest.mark.parametrize(
    "data",
    [
        {"outcomes": []},
        {"outcomes": [{"label": 1}], "forbidden": [], "changed": []},
        {"outcomes": [], "forbidden": [1], "changed": []},
        {
            "outcomes": [{"label": "a", "value": {"plain": 1}, "raised": "x"}],
            "forbidden": [],
            "changed": [],
        },
    ],
)
def test_malformed_records_are_refused(data):
    with pytest.raises(MalformedPayload):
        Record.decode(data)


def test_while_grading_hidden_tests_only_publish_outputs(monkeypatch):
    published: list[dict] = []
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    monkeypatch.setattr(notebook, "publishers", [published.append])
    hidden_tests(EXERCISES, "as_strided_trace", lambda mat: torch.zeros(()), cases=[CASE])
    (payload,) = published
    assert payload["exercise"] == "as_strided_trace" and len(payload["records"]) == 1


def test_hidden_tests_refuse_to_grade_outside_a_grading_process(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    monkeypatch.setattr(notebook, "publishers", [])
    with pytest.raises(RuntimeError, match="not in a grading process"):
        hidden_tests(EXERCISES, "as_strided_trace", trace, cases=[CASE])


def test_outside_grading_hidden_tests_are_judged_in_place(capsys):
    hidden_tests(
        EXERCISES,
        "as_strided_trace",
        trace,
        cases=[CASE, {"mat": (2, 2), "seed": 1, "dtype": "float32"}],
    )
    assert "as_strided_trace passes its hidden tests (2 cases)" in capsys.readouterr().out
    with pytest.raises(CheckFailed):
        hidden_tests(EXERCISES, "as_strided_trace", lambda mat: mat.sum(), cases=[CASE])


def test_visible_checks_do_not_run_while_grading(monkeypatch, capsys):
    monkeypatch.setattr(notebook, "grading", lambda: True)
    check(AS_STRIDED_TRACE, lambda mat: None)
    assert "does not run while grading" in capsys.readouterr().out


def test_a_notebook_gets_a_check_for_every_exercise():
    names = notebook.checks_for(EXERCISES)
    assert set(names) == {
        "check_warmup",
        "check_as_strided_trace",
        "check_as_strided_mv",
        "check_as_strided_mm",
        "hidden_tests",
    }


def test_needs_turns_what_is_missing_into_one_line(capsys):
    namespace = {"__name__": "__main__"}
    exec(
        "def force_pair(v):\n    raise NotImplementedError()\n"
        "def conv2d(x):\n    return force_pair(x)\n",
        namespace,
    )
    ran = []
    with needs("conv2d"):
        namespace["conv2d"](1)
        ran.append("after")
    assert ran == []
    assert capsys.readouterr().out == (
        "\N{HOURGLASS} This cell needs your `force_pair`, which is not written yet: "
        "it did not run. Come back once its check passes.\n"
    )
    with needs("conv2d", "maxpool2d", hint="Paste it from notebook 04."):
        raise NameError("name 'conv2d' is not defined", name="conv2d")
    assert (
        "your `conv2d`, which is not defined in this notebook: it did not run. Paste it from notebook 04."
        in (capsys.readouterr().out)
    )
    with pytest.raises(ValueError), needs("conv2d"):
        raise ValueError("a real error is not hidden")


def test_substituted_replaces_and_restores_names():
    namespace = {"pad1d": "student"}
    with substituted(namespace, {"pad1d": "reference", "extra": 1}):
        assert namespace == {"pad1d": "reference", "extra": 1}
    assert namespace == {"pad1d": "student"}
    with pytest.raises(RuntimeError), substituted(namespace, {"pad1d": "reference"}):
        raise RuntimeError
    assert namespace == {"pad1d": "student"}


def test_the_numpy_convolution_behind_layer_hints_computes_what_flax_linen_conv_does():
    import flax.linen as nn
    import jax.numpy as jnp

    from course.exercises.linen import numpy_conv

    rng = np.random.default_rng(0)
    for trial in range(24):
        axes = 1 + trial % 2
        spatial, window = rng.integers(3, 9, axes).tolist(), rng.integers(1, 4, axes).tolist()
        strides, (c_in, c_out) = rng.integers(1, 4, axes).tolist(), rng.integers(1, 4, 2).tolist()
        padding = ["SAME", "VALID", "SAME_LOWER", [tuple(rng.integers(0, 3, 2)) for _ in window]][
            trial % 4
        ]
        x = jnp.asarray(rng.standard_normal((*spatial, c_in)), jnp.float32)
        kernel = jnp.asarray(rng.standard_normal((*window, c_in, c_out)), jnp.float32)
        bias = jnp.asarray(rng.standard_normal(c_out), jnp.float32)
        layer = nn.Conv(c_out, tuple(window), strides=tuple(strides), padding=padding)
        expected = layer.apply({"params": {"kernel": kernel, "bias": bias}}, x)
        got = numpy_conv(x, kernel, bias, tuple(strides), padding)
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
