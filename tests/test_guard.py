"""The forbidden-call guard: every path to a forbidden function is caught, recorded, and undone afterwards."""

import einops
import flax.linen as nn
import jax
import jax.numpy as jnp
import pytest
import torch
import torch.nn.functional as F
from flax import nnx
from flax.linen.pooling import pool

from course.guard import ForbiddenCall, forbidden_calls

CONV2D = ("torch.nn.functional.conv2d", "torch.conv2d", "torch.nn.Conv2d")
CONVOLUTIONS = r"_?(convolution|conv\w*)"
MAX_POOL = ("flax.linen.max_pool", "flax.nnx.max_pool", "flax.linen.pooling.pool as flax.linen.max_pool")


def refused(call, targets, operators="", exercise="f") -> list[str]:
    """The forbidden calls recorded while `call()` ran (it must fail)."""
    with forbidden_calls(exercise, targets, operators) as calls:
        with pytest.raises(Exception):
            call()
    return calls


@torch.jit.script
def scripted_conv(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    return torch.conv2d(x, w)


X, W = torch.randn(1, 2, 5, 5), torch.randn(3, 2, 3, 3)


@pytest.mark.parametrize("name, call", [
    ("F.conv2d", lambda: F.conv2d(X, W)),
    ("a saved reference", lambda: (lambda conv=F.conv2d: conv(X, W))()),
    ("torch.ops", lambda: torch.ops.aten.convolution(X, W, None, [1, 1], [0, 0], [1, 1], False, [0, 0], 1)),
    ("TorchScript", lambda: scripted_conv(X, W)),
    ("torch.jit.fork", lambda: torch.jit.wait(torch.jit.fork(F.conv2d, X, W))),
    ("the module", lambda: torch.nn.Conv2d(2, 3, 3)(X)),
    ("conv1d, a sum of which makes conv2d", lambda: F.conv1d(X[:, :, 0], W[:, :, 0])),
])
def test_every_path_to_a_torch_convolution_is_caught(name, call):
    assert refused(call, CONV2D, CONVOLUTIONS), name


def test_allowed_operations_pass_under_the_guard():
    with forbidden_calls("conv2d", CONV2D, CONVOLUTIONS) as calls:
        F.unfold(X, 3)
        torch.einsum("bchw,oc->bohw", X, W[:, :, 0, 0])
        torch.as_strided(X, (1, 2, 3, 3, 3, 3), (50, 25, 5, 1, 5, 1)).sum()
    assert calls == []


def test_the_message_names_the_function_and_the_call_is_recorded_even_if_caught():
    with forbidden_calls("as_strided_trace", ("torch.trace",)) as calls:
        try:
            torch.trace(torch.eye(2))
        except ForbiddenCall as error:
            assert str(error) == ("as_strided_trace called torch.trace, which this exercise asks you to write "
                                  "yourself. Rewrite it without torch.trace.")
    assert calls == ["torch.trace"]


def test_matmul_through_the_operator_and_einops_is_caught():
    a = torch.ones(2, 2)
    for call in (lambda: a @ a, lambda: einops.einsum(a, a, "i j, j k -> i k"), lambda: a.mm(a)):
        assert refused(call, ("torch.matmul", "torch.einsum"), r"mm|bmm|mv|dot")


def test_flax_functions_are_caught_however_they_are_referenced_and_jitted():
    x = jnp.ones((4, 4, 2))
    saved = nn.max_pool
    for call in (lambda: nn.max_pool(x, (2, 2)), lambda: nnx.max_pool(x, (2, 2)), lambda: saved(x, (2, 2)),
                 lambda: pool(x, -jnp.inf, jax.lax.max, (2, 2), None, "VALID"),
                 lambda: jax.jit(lambda y: pool(y, -jnp.inf, jax.lax.max, (2, 2), None, "VALID"))(x)):
        assert refused(call, MAX_POOL)
    with forbidden_calls("maxpool2d_jax", MAX_POOL) as calls:
        jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (2, 2, 1), (2, 2, 1), "VALID")
    assert calls == []
    assert nn.max_pool(x, (2, 2)).shape == (3, 3, 2) and saved is nn.max_pool
    assert pool(x, -jnp.inf, jax.lax.max, (2, 2), None, "VALID").shape == (3, 3, 2)


def test_forbidden_classes_are_caught_when_built_subclassed_or_borrowed_from_and_restored():
    class Subclass(nnx.Conv):
        pass

    class Wrapper(nn.Module):
        @nn.compact
        def __call__(self, inputs):
            return nn.Conv(3, (3,))(inputs)

    for build in (lambda: nnx.Conv(2, 3, (3, 3), rngs=nnx.Rngs(0)).kernel,
                  lambda: Subclass(2, 3, (3, 3), rngs=nnx.Rngs(0)),
                  lambda: Wrapper().init(jax.random.PRNGKey(0), jnp.ones((1, 6, 2)))):
        assert refused(build, ("flax.nnx.Conv", "flax.linen.Conv"))
    assert "__init__" not in vars(Subclass) and "__call__" not in vars(torch.nn.Conv2d)
    assert Subclass(2, 3, (3, 3), rngs=nnx.Rngs(0))(jnp.ones((1, 4, 4, 2))).shape == (1, 4, 4, 3)
    assert Wrapper().init(jax.random.PRNGKey(0), jnp.ones((1, 6, 2)))["params"]["Conv_0"]["kernel"].shape == (3, 2, 3)


def test_everything_is_restored_after_the_guard():
    with forbidden_calls("f", (*CONV2D, *MAX_POOL), CONVOLUTIONS):
        pass
    assert F.conv2d(X, W).shape == (1, 3, 3, 3) and scripted_conv(X, W).shape == (1, 3, 3, 3)
