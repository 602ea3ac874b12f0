"""The comparisons behind every check and verdict: one message, the call, expected vs got, the likely mistake."""

import subprocess
import sys
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import pytest
import torch

from course.judging.checks import (
    CheckFailed,
    Mistake,
    check_close,
    check_dtype,
    check_equal,
    highest_precision,
    naming,
)
from course.judging.payload import Opaque

REPO = Path(__file__).resolve().parent.parent


def message(call) -> str:
    """The message of the CheckFailed that `call()` raises."""
    with pytest.raises(CheckFailed) as info:
        call()
    return str(info.value)


def test_equal_values_pass_across_frameworks():
    values = np.arange(6.0).reshape(2, 3)
    check_close(torch.tensor(values), values, "torch vs numpy")
    check_close(jnp.asarray(values, dtype=jnp.float32), torch.tensor(values), "jax vs torch")


def test_shape_mismatch_names_both_shapes_and_a_shape_hint():
    assert (
        message(lambda: check_close(np.zeros((3, 2)), np.zeros((2, 3)), "f(x)"))
        == "f(x): expected shape (2, 3), got (3, 2)."
    )
    text = message(
        lambda: check_close(
            np.zeros(4),
            np.zeros(5),
            "f(x)",
            shape_hints={(4,): Mistake("off-by-one", "off by one")},
        )
    )
    assert text.endswith("\nLikely mistake: off by one")


def test_wrong_values_report_the_first_wrong_index_and_a_few_values_around_it():
    text = message(
        lambda: check_close(np.array([1.0, 2.0, -3.0]), np.array([1.0, 2.0, 3.0]), "f(x)")
    )
    assert text == (
        "f(x): 1 of 3 values are wrong; first at index [2]: expected 3, got -3.\n"
        "expected [1., 2., 3.], got [ 1.,  2., -3.]"
    )
    expected = np.arange(120.0).reshape(2, 3, 20)
    got = expected.copy()
    got[1, 2, 17] = -1.0
    lines = message(
        lambda: check_close(got, expected, "g(x)", {Mistake("a", "a mistake"): got})
    ).splitlines()
    assert lines == [
        "g(x): 1 of 120 values are wrong; first at index [1, 2, 17]: expected 117, got -1.",
        "at [1, 2, 14:20]: expected [114., 115., 116., 117., 118., 119.], "
        "got [114., 115., 116.,  -1., 118., 119.]",
        "Likely mistake: a mistake",
    ]


def test_a_failure_is_at_most_three_lines_however_large_the_arrays():
    expected = np.zeros((8, 16, 16, 4))
    for got in (expected + 1.0, expected[..., :3], np.full_like(expected, np.nan)):
        text = message(
            lambda got=got: check_close(got, expected, "f(x)", {Mistake("known", "known"): got})
        )
        assert len(text.splitlines()) <= 3 and max(map(len, text.splitlines())) < 200, text


def test_scalars_read_naturally():
    assert (
        message(lambda: check_close(np.float64(1.0), np.float64(5.0), "trace(m)"))
        == "trace(m): expected 5, got 1."
    )


def test_a_known_mistake_is_named_only_when_its_output_matches():
    expected, flipped = np.array([1.0, 2.0]), np.array([2.0, 1.0])
    mistakes = {
        Mistake("flipped-kernel", "the kernel is flipped"): flipped,
        Mistake("broken", "a broken mistake"): lambda: 1 / 0,
    }
    with naming() as named:
        assert message(lambda: check_close(flipped, expected, "f", mistakes)).endswith(
            "Likely mistake: the kernel is flipped"
        )
    assert named == ["flipped-kernel"]
    with naming() as named:
        assert "Likely mistake" not in message(
            lambda: check_close(np.array([5.0, 5.0]), expected, "f", mistakes)
        )
    assert named == []


def test_two_mistakes_with_the_same_output_are_both_named_and_counted():
    expected, got = np.array([1.0, 2.0]), np.array([2.0, 1.0])
    mistakes = {
        Mistake("flipped-kernel", "the kernel is flipped"): got,
        Mistake("reversed-output", "the output is reversed"): got,
        Mistake("doubled", "doubled"): 2 * expected,
    }
    with naming() as named:
        text = message(lambda: check_close(got, expected, "f", mistakes))
    assert text.splitlines()[-1] == (
        "Likely mistake: the kernel is flipped; or, giving the same output here, "
        "the output is reversed"
    )
    assert named == ["flipped-kernel", "reversed-output"]


def test_mistake_ids_are_words_joined_by_dashes_and_recorded_only_while_naming():
    for bad in ("", "Flipped", "flipped kernel", "flipped_kernel", "-flipped", "flipped-"):
        with pytest.raises(ValueError):
            Mistake(bad, "text")
    assert str(Mistake("stride-ignored", "the stride is ignored")) == "the stride is ignored"
    message(lambda: check_equal(1, 2, "n", Mistake("outside", "outside any naming block")))
    with naming() as outer:
        message(lambda: check_equal(1, 2, "n", Mistake("first", "first")))
        with naming() as inner:
            message(lambda: check_dtype(np.zeros(1), "float32", "f", Mistake("inner", "x")))
        message(lambda: check_equal(1, 2, "n"))
    assert (outer, inner) == (["first"], ["inner"])


def test_mistakes_are_computed_only_for_wrong_answers():
    calls = []
    check_close(np.ones(2), np.ones(2), "f", {"never needed": lambda: calls.append(1)})
    assert calls == []


@pytest.mark.parametrize(
    "got, says",
    [
        (None, "returned None. Did you forget `return`?"),
        (Opaque("Param"), "returned a Param, not an array"),
        ((1, 2), "returned tuple (1, 2), not an array"),
        (np.array(["a"]), "expected numbers"),
    ],
)
def test_things_that_are_not_arrays_are_named(got, says):
    assert says in message(lambda: check_close(got, np.zeros(2), "f(x)"))


def test_tolerance_follows_the_answers_dtype():
    expected = np.array([1.0, 100.0])
    check_close((expected * (1 + 3e-6)).astype(np.float32), expected, "float32 rounding")
    message(
        lambda: check_close(expected * (1 + 3e-6), expected, "float64 held to float64 precision")
    )
    message(
        lambda: check_close(
            (expected * (1 + 1e-3)).astype(np.float32), expected, "a real float32 error"
        )
    )


def test_check_equal_compares_types_too():
    check_equal((1, 2), (1, 2), "pair")
    assert message(lambda: check_equal((2, 1), (1, 2), "pair", Mistake("swap", "swap them"))) == (
        "pair: expected (1, 2), got (2, 1).\nLikely mistake: swap them"
    )
    assert "got [1, 2]" in message(lambda: check_equal([1, 2], (1, 2), "pair"))


def test_check_dtype():
    check_dtype(np.zeros(1, np.float32), "float32", "f", None)
    keep = Mistake("dtype-changed", "keep x's dtype")
    assert message(lambda: check_dtype(np.zeros(1), "float32", "f", keep)) == (
        "f: expected dtype float32, got float64.\nLikely mistake: keep x's dtype"
    )


def test_a_failure_renders_as_its_message_alone():
    lines = CheckFailed("f(x): wrong\nLikely mistake: y")._render_traceback_()
    assert lines[0].endswith("\N{BALLOT X} f(x): wrong\x1b[0m") and lines[1:] == [
        "Likely mistake: y"
    ]


def test_highest_precision_does_not_import_jax_into_a_torch_only_notebook():
    code = (
        "import sys, torch\nfrom course.judging.checks import highest_precision\nwith highest_precision():\n"
        "    assert torch.get_float32_matmul_precision() == 'highest'\nprint('jax' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"


def test_highest_precision_sets_and_restores_flags():
    cudnn = torch.backends.cudnn
    cudnn.allow_tf32 = True
    before = (jax.config.jax_default_matmul_precision, torch.get_float32_matmul_precision())
    with pytest.raises(KeyError), highest_precision():
        assert cudnn.allow_tf32 is False and torch.backends.cuda.matmul.allow_tf32 is False
        assert torch.get_float32_matmul_precision() == "highest"
        raise KeyError
    assert cudnn.allow_tf32 is True
    assert (jax.config.jax_default_matmul_precision, torch.get_float32_matmul_precision()) == before


@pytest.mark.skipif(
    jax.default_backend() != "cpu", reason="on an accelerator JAX's precision is set"
)
def test_on_a_cpu_a_check_reuses_what_the_notebook_compiled():
    layer = jax.jit(lambda x, w: jnp.tanh(x @ w))
    x = jnp.ones((3, 4))
    layer(x, x.T)
    with highest_precision():
        layer(x, x.T)
    assert layer._cache_size() == 1


PAD1D_IN_FLOAT64 = """
def pad1d(x, left, right, pad_value):
    out = torch.full((*x.shape[:-1], left + x.shape[-1] + right), pad_value, dtype=torch.float64)
    out[..., left : left + x.shape[-1]] = x
    return out
"""


def notebook_checks(monkeypatch, assignment_id: str, answers: dict[str, str]) -> dict:
    """The source notebook's setup run in a namespace that stands for `__main__`, with these answers in it."""
    from course.build.cells import grade_id, is_solution, reference_answers
    from course.build.contract import ASSIGNMENTS
    from tests.notebooks import read

    assignment = next(a for a in ASSIGNMENTS if a.id == assignment_id)
    source = read(assignment.path(REPO / "source"))
    namespace: dict = {}
    (setup,) = [cell for cell in source.cells if cell.get("id") == "setup"]
    exec(setup.source, namespace)
    chosen = {**reference_answers(source), **answers}
    for cell in source.cells:
        if is_solution(cell):
            exec(chosen[grade_id(cell)], namespace)
    for name, value in namespace.items():
        monkeypatch.setattr(sys.modules["__main__"], name, value, raising=False)
    return namespace


def test_a_check_that_fails_while_an_answer_it_uses_fails_points_to_that_answer(monkeypatch):
    """conv1d is right, but the student's pad1d returns float64: the failure points to pad1d, not to conv1d."""
    checks = notebook_checks(monkeypatch, "03_padding", {"pad1d": PAD1D_IN_FLOAT64})
    with pytest.raises(CheckFailed) as failure:
        checks["check_conv1d"]()
    lines = str(failure.value).splitlines()
    # conv1d's einsum meets pad1d's float64 and x's float32 weights
    assert len(lines) == 2 and lines[0].startswith("conv1d(") and "Double" in lines[0]
    assert lines[1] == (
        "conv1d may call your pad1d, which fails its own check: get check_pad1d() passing first."
    )
    with pytest.raises(CheckFailed, match="expected dtype float32"):  # pad1d's own check says why
        checks["check_pad1d"]()


def test_a_wrong_answer_whose_used_answers_pass_keeps_its_own_hint(monkeypatch):
    flipped = "def conv1d(x, weights, stride=1, padding=0):\n" + (
        "    return _right(x, weights.flip(-1), stride, padding)\n"
    )
    checks = notebook_checks(monkeypatch, "03_padding", {})
    checks["_right"] = checks["conv1d"]
    exec(flipped, checks)
    monkeypatch.setattr(sys.modules["__main__"], "conv1d", checks["conv1d"])
    with pytest.raises(CheckFailed) as failure:
        checks["check_conv1d"]()
    assert "pad1d" not in str(failure.value)
    assert "Likely mistake: " in str(failure.value) and "flipped" in str(failure.value)
