"""The check helpers students see: messages, tolerances, forbidden calls, layouts, precision."""

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import pytest
import torch

from course.checks import (
    CheckFailed, ForbiddenCall, check_close, check_equal, check_raises, explained, field_order_hint,
    forbidden_calls, highest_precision, layouts, substituted,
)


def test_check_close_accepts_equal_values_across_frameworks():
    values = np.arange(6.0).reshape(2, 3)
    check_close(torch.tensor(values), values, "torch vs numpy")
    check_close(jnp.asarray(values, dtype=jnp.float32), torch.tensor(values), "jax vs torch")


def test_shape_mismatch_names_both_shapes():
    with pytest.raises(CheckFailed, match=r"expected shape \(2, 3\), got \(3, 2\)"):
        check_close(torch.zeros(3, 2), torch.zeros(2, 3), "f(x)")


def test_wrong_values_report_first_wrong_index_and_values():
    expected = torch.tensor([1.0, 2.0, 3.0])
    with pytest.raises(CheckFailed, match=r"1 of 3 values are wrong; first at index \(2,\): expected 3, got -3") as info:
        check_close(torch.tensor([1.0, 2.0, -3.0]), expected, "f(x)")
    assert str(info.value).startswith("f(x):")


def test_known_mistake_is_named_only_when_its_output_matches():
    expected, flipped = torch.tensor([1.0, 2.0]), torch.tensor([2.0, 1.0])
    mistakes = {"the kernel is flipped": flipped, "broken mistake": lambda: 1 / 0}
    with pytest.raises(CheckFailed, match="Likely mistake: the kernel is flipped"):
        check_close(flipped, expected, "f(x)", mistakes)
    with pytest.raises(CheckFailed) as info:
        check_close(torch.tensor([5.0, 5.0]), expected, "f(x)", mistakes)
    assert "Likely mistake" not in str(info.value)


def test_none_answer_suggests_missing_return():
    with pytest.raises(CheckFailed, match="returned None"):
        check_close(None, torch.zeros(1), "f(x)")


def test_tolerance_follows_the_answers_dtype():
    expected = torch.tensor([1.0, 100.0], dtype=torch.float64)
    check_close(expected.float() * (1 + 3e-6), expected, "float32 rounding")
    with pytest.raises(CheckFailed):
        check_close(expected * (1 + 3e-6), expected, "float64 held to float64 precision")
    with pytest.raises(CheckFailed):
        check_close(expected.float() * (1 + 1e-3), expected, "float32 real error")


def test_check_equal_and_check_raises():
    check_equal((1, 2), (1, 2), "pair")
    with pytest.raises(CheckFailed, match=r"expected \(1, 2\), got \(2, 1\)\. Swap them\."):
        check_equal((2, 1), (1, 2), "pair", "Swap them.")
    check_raises(ValueError, lambda: int("x"), "int('x')")
    with pytest.raises(CheckFailed, match="expected ValueError, but it returned 3"):
        check_raises(ValueError, lambda: 3, "three")
    with pytest.raises(CheckFailed, match="expected ValueError, got KeyError"):
        check_raises(ValueError, lambda: {}["k"], "lookup")


def test_forbidden_torch_function_is_caught_through_saved_references_and_methods():
    saved_trace = torch.trace
    matrix = torch.eye(3)
    for call in (lambda: saved_trace(matrix), lambda: matrix.diagonal(), lambda: torch.diagonal(matrix)):
        with pytest.raises(ForbiddenCall, match="as_strided_trace called torch"):
            with forbidden_calls("as_strided_trace", "torch.trace", "torch.diagonal", "torch.Tensor.diagonal"):
                call()
    with forbidden_calls("as_strided_trace", "torch.trace"):
        assert float(torch.as_strided(matrix, (3,), (4,)).sum()) == 3.0
    assert float(saved_trace(matrix)) == 3.0


def test_forbidden_matmul_operator_and_einops():
    import einops

    a = torch.ones(2, 2)
    for call in (lambda: a @ a, lambda: einops.einsum(a, a, "i j, j k -> i k")):
        with pytest.raises(ForbiddenCall):
            with forbidden_calls("as_strided_mm", "torch.matmul", "torch.einsum"):
                call()


def test_forbidden_flax_class_and_function_are_restored_afterwards():
    x = jnp.ones((1, 6, 2))

    class Wrapper(nn.Module):
        @nn.compact
        def __call__(self, inputs):
            return nn.Conv(3, (3,))(inputs)

    with pytest.raises(ForbiddenCall, match="MyConv1D called flax.linen.Conv"):
        with forbidden_calls("MyConv1D", "flax.linen.Conv"):
            Wrapper().init(jax.random.PRNGKey(0), x)
    with pytest.raises(ForbiddenCall, match="called flax.linen.max_pool"):
        with forbidden_calls("maxpool2d_jax", "flax.linen.pooling.pool as flax.linen.max_pool"):
            nn.max_pool(x, (2,))
    assert Wrapper().init(jax.random.PRNGKey(0), x)["params"]["Conv_0"]["kernel"].shape == (3, 2, 3)
    assert nn.max_pool(x, (2,)).shape == (1, 5, 2)


def test_forbidden_classes_are_caught_when_built_subclassed_or_borrowed_from():
    from flax import nnx

    class Subclass(nnx.Conv):
        pass

    builds = {"borrowing a Param": lambda: nnx.Conv(2, 3, (3, 3), rngs=nnx.Rngs(0)).kernel,
              "a subclass": lambda: Subclass(2, 3, (3, 3), rngs=nnx.Rngs(0)),
              "a torch module": lambda: torch.nn.Conv2d(2, 3, 3)}
    for what, build in builds.items():
        with pytest.raises(ForbiddenCall, match="MyConv2D called"):
            with forbidden_calls("MyConv2D", "flax.nnx.Conv", "torch.nn.Conv2d"):
                build()
    assert "__init__" not in vars(Subclass) and "__call__" not in vars(torch.nn.Conv2d)
    assert Subclass(2, 3, (3, 3), rngs=nnx.Rngs(0))(jnp.ones((1, 4, 4, 2))).shape == (1, 4, 4, 3)
    assert torch.nn.Conv2d(2, 3, 3)(torch.ones(1, 2, 4, 4)).shape == (1, 3, 2, 2)


def test_field_order_hint_names_fields_declared_in_another_order():
    class InOrder(nn.Module):
        features: int
        kernel_size: int

        @nn.compact
        def __call__(self, x):
            return self.param("kernel", nn.initializers.zeros, (self.kernel_size, x.shape[-1], self.features))

    class Reordered(nn.Module):
        kernel_size: int
        features: int

        @nn.compact
        def __call__(self, x):
            return self.param("kernel", nn.initializers.zeros, (self.kernel_size, x.shape[-1], self.features))

    key, x, fields = jax.random.PRNGKey(0), jnp.ones((5, 2)), {"features": 4, "kernel_size": 3}
    assert "declared in another order than features, kernel_size" in field_order_hint(Reordered, fields, key, x)
    assert field_order_hint(InOrder, fields, key, x) == ""
    assert field_order_hint(Reordered, {"features": 3, "kernel_size": 3}, key, x) == ""


def test_explained_names_the_call_and_the_likely_mistake():
    hints = {"out of bounds": "the view reaches past the end of the storage"}
    with pytest.raises(CheckFailed, match=r"f\(x\) raised RuntimeError: index out of bounds\nLikely mistake: the view"):
        with explained("f(x)", hints):
            raise RuntimeError("index out of bounds")
    with pytest.raises(CheckFailed, match=r"^f\(x\) raised ValueError: other$"):
        with explained("f(x)", hints):
            raise ValueError("other")
    with pytest.raises(ForbiddenCall, match="^as it was$"):
        with explained("f(x)", hints):
            raise ForbiddenCall("as it was")


def test_substituted_replaces_and_restores_names():
    namespace = {"pad1d": "student"}
    with substituted(namespace, pad1d="reference", extra=1):
        assert namespace == {"pad1d": "reference", "extra": 1}
    assert namespace == {"pad1d": "student"}
    with pytest.raises(RuntimeError), substituted(namespace, pad1d="reference"):
        raise RuntimeError
    assert namespace == {"pad1d": "student"}


@pytest.mark.parametrize("shape", [(5,), (3, 4), (2, 3, 4)])
def test_layouts_keep_values_and_vary_memory(shape):
    tensor = torch.randn(shape, generator=torch.Generator().manual_seed(0))
    variants = layouts(tensor)
    assert {"contiguous", "every-other-element slice", "storage_offset 3"} <= set(variants)
    for name, variant in variants.items():
        assert torch.equal(variant, tensor), name
    assert not variants["every-other-element slice"].is_contiguous()
    assert variants["storage_offset 3"].storage_offset() == 3
    if len(shape) >= 2:
        assert variants["transposed view"].stride()[-1] != 1


def test_highest_precision_sets_and_restores_flags():
    cudnn = torch.backends.cudnn
    cudnn.allow_tf32 = True
    before = (jax.config.jax_default_matmul_precision, torch.get_float32_matmul_precision())
    with pytest.raises(KeyError), highest_precision():
        assert cudnn.allow_tf32 is False and torch.backends.cuda.matmul.allow_tf32 is False
        assert jax.config.jax_default_matmul_precision == "highest"
        assert torch.get_float32_matmul_precision() == "highest"
        raise KeyError
    assert cudnn.allow_tf32 is True
    assert (jax.config.jax_default_matmul_precision, torch.get_float32_matmul_precision()) == before
