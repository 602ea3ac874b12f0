"""Switching an operation off: every library's way to it refuses, on every thread; its building blocks still work.

These tests use `switched_off`, which visible checks use and which restores everything; a grading
process's `destroy`, which nothing restores, is tested in fresh processes (tests/test_lockdown.py).
"""

import operator
import threading

import einops
import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import pytest
import torch
import torch.nn.functional as F
from flax import nnx
from flax.linen.pooling import pool
from jax.example_libraries import stax
from numpy import correlate as saved_correlate

from course.judging import forbidden
from course.kernel.notebook import refusing
from course.kernel.switches import ForbiddenCall, switched_off, torch_operators


@torch.jit.script
def scripted_conv(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    return torch.conv2d(x, w)


X, W = torch.randn(1, 2, 5, 5, dtype=torch.float64), torch.randn(3, 2, 3, 3, dtype=torch.float64)
A, V = np.arange(6.0), np.array([1.0, -2.0])
M = torch.randn(3, 3, dtype=torch.float64)
SQUARE = np.arange(4.0).reshape(2, 2)
IMAGE = jnp.ones((4, 4, 2))


def refused(operation, call) -> list[str]:
    """What `call()` was refused while `operation` was switched off (it must fail: TorchScript wraps the error)."""
    calls: list[str] = []
    with switched_off(operation, refusing("exercise", calls)), pytest.raises(Exception):  # noqa: B017 (TorchScript wraps the error in a type of its own)
        call()
    return calls


def on_a_thread(call):
    """`call`, run on another thread; what it raised there is raised here."""

    def run():
        result = []

        def target():
            try:
                call()
            except BaseException as error:
                result.append(error)

        thread = threading.Thread(target=target)
        thread.start()
        thread.join()
        if result:
            raise result[0]

    return run


CONVOLUTIONS = {
    "F.conv2d": lambda: F.conv2d(X, W),
    "a saved reference": lambda: (lambda conv=F.conv2d: conv(X, W))(),
    "torch.ops": lambda: torch.ops.aten.convolution(
        X, W, None, [1, 1], [0, 0], [1, 1], False, [0, 0], 1
    ),
    "an overload's decomposition": lambda: torch.ops.aten.conv2d.default.decompose(X, W),
    "TorchScript": lambda: scripted_conv(X, W),
    "torch.jit.fork": lambda: torch.jit.wait(torch.jit.fork(F.conv2d, X, W)),
    "the module": lambda: torch.nn.Conv2d(2, 3, 3).double()(X),
    "conv1d, a sum of which makes conv2d": lambda: F.conv1d(X[:, :, 0], W[:, :, 0]),
    "a transposed convolution": lambda: F.conv_transpose2d(X, W.transpose(0, 1)),
    "vmap": lambda: torch.func.vmap(lambda image: F.conv2d(image, W))(X[None]),
    "a convolution's backward": lambda: torch.ops.aten.convolution_backward(
        torch.ones(1, 3, 3, 3, dtype=torch.float64),
        X,
        W,
        None,
        [1, 1],
        [0, 0],
        [1, 1],
        False,
        [0, 0],
        1,
        [True, True, False],
    ),
    "MKL-DNN tensors": lambda: F.conv2d(X.float().to_mkldnn(), W.float().to_mkldnn()),
    "another thread": on_a_thread(lambda: F.conv2d(X, W)),
    "numpy.correlate": lambda: np.correlate(A, V),
    "numpy.convolve": lambda: np.convolve(A, V),
    "numpy.correlate saved at import": lambda: saved_correlate(A, V),
    "NumPy's C correlate": lambda: np._core.multiarray.correlate2(A, V, 0),
    "jnp.convolve": lambda: jnp.convolve(jnp.ones(5), jnp.ones(2)),
    "jnp.correlate, jitted": lambda: jax.jit(jnp.correlate)(jnp.ones(5), jnp.ones(2)),
    "jax.lax.conv": lambda: jax.lax.conv(
        jnp.ones((1, 1, 5, 5)), jnp.ones((1, 1, 2, 2)), (1, 1), "VALID"
    ),
    "jax.scipy.signal.convolve2d": lambda: jax.scipy.signal.convolve2d(
        jnp.ones((4, 4)), jnp.ones((2, 2))
    ),
    "JAX on another thread": on_a_thread(lambda: jnp.convolve(jnp.ones(5), jnp.ones(2))),
    "flax.linen.Conv": lambda: nn.Conv(2, (2,)).init(jax.random.PRNGKey(0), jnp.ones((5, 1))),
    "flax.nnx.Conv": lambda: nnx.Conv(1, 2, (2,), rngs=nnx.Rngs(0)),
}


@pytest.mark.parametrize("name", CONVOLUTIONS)
def test_every_way_to_a_convolution_is_refused(name):
    assert refused(forbidden.CONVOLUTION, CONVOLUTIONS[name]), name


def test_a_convolution_layer_exercise_keeps_jax_lax_conv_general_dilated():
    with switched_off(forbidden.CONVOLUTION_LAYER, refusing("MyConv2D", calls := [])):
        y = jax.lax.conv_general_dilated(
            jnp.ones((1, 5, 5, 2)),
            jnp.ones((2, 2, 2, 3)),
            (1, 1),
            "SAME",
            dimension_numbers=("NHWC", "HWIO", "NHWC"),
        )
        with pytest.raises(ForbiddenCall):
            nn.Conv(3, (2, 2)).init(jax.random.PRNGKey(0), jnp.ones((1, 5, 5, 2)))
        with pytest.raises(ForbiddenCall):
            F.conv2d(X, W)
    assert y.shape == (1, 5, 5, 3) and calls == [
        "flax.linen.Conv",
        "PyTorch's conv2d (aten::conv2d)",
    ]


def test_a_convolution_exercise_keeps_its_building_blocks():
    with switched_off(forbidden.CONVOLUTION, refusing("conv2d", calls := [])):
        F.unfold(X, 3)
        X.unfold(2, 3, 1)
        torch.einsum("bchw,oc->bohw", X, W[:, :, 0, 0])
        torch.as_strided(X, (1, 2, 3, 3, 3, 3), (50, 25, 5, 1, 5, 1)).sum()
        np.lib.stride_tricks.sliding_window_view(A, 2) @ V
        np.einsum("ij,j->i", np.lib.stride_tricks.sliding_window_view(A, 2), V)
        jnp.einsum("ij,j->i", jnp.ones((3, 2)), jnp.ones(2))
        einops.rearrange(X, "b c h w -> b h w c")
        F.pad(X, (1, 1))
    assert calls == []


MATRIX_PRODUCTS = {
    "@": lambda: M @ M,
    "torch.mv": lambda: torch.mv(M, M[0]),
    "Tensor.mm": lambda: M.mm(M),
    "torch.einsum": lambda: torch.einsum("ij,j->i", M, M[0]),
    "einops.einsum": lambda: einops.einsum(M, M, "i j, j k -> i k"),
    "F.linear": lambda: F.linear(M, M),
    "F.bilinear": lambda: F.bilinear(M, M, torch.ones(1, 3, 3, dtype=torch.float64)),
    "torch.tensordot": lambda: torch.tensordot(M, M, 1),
    "a convolution": lambda: F.conv1d(M[None], M[0][None, None]),
    "numpy.matmul": lambda: np.matmul(A[:4].reshape(2, 2), A[:2]),
    "numpy.dot": lambda: np.dot(A, A),
    "numpy.einsum": lambda: np.einsum("i,i->", A, A),
    "numpy.tensordot": lambda: np.tensordot(A, A, 1),
    "ndarray.dot": lambda: A.dot(A),
    "ndarray.dot, by a computed name": lambda: getattr(A, "do" + "t")(A),
    "ndarray.dot, by operator.methodcaller": lambda: operator.methodcaller("dot", A)(A),
    "ndarray.__matmul__": lambda: SQUARE.__matmul__(SQUARE),
    "ndarray.__rmatmul__, from the class": lambda: np.ndarray.__rmatmul__(SQUARE, SQUARE),
    "operator.matmul on NumPy arrays": lambda: operator.matmul(SQUARE, SQUARE),
    "an ndarray subclass's dot": lambda: SQUARE.view(np.matrix).dot(SQUARE),
    "numpy.matrix's *": lambda: np.asmatrix(SQUARE) * np.asmatrix(SQUARE),
    "jnp.matmul": lambda: jnp.ones((2, 2)) @ jnp.ones(2),
    "jnp.dot": lambda: jnp.dot(jnp.ones(3), jnp.ones(3)),
}


@pytest.mark.parametrize("name", MATRIX_PRODUCTS)
def test_every_way_to_a_matrix_product_is_refused(name):
    assert refused(forbidden.MATRIX_PRODUCT, MATRIX_PRODUCTS[name]), name


def test_a_matrix_product_exercise_keeps_broadcasting_and_sums():
    with switched_off(forbidden.MATRIX_PRODUCT, refusing("as_strided_mv", calls := [])):
        (M * M[0]).sum(dim=1)
        torch.as_strided(M, (3, 3), M.stride()).sum()
        einops.reduce(M, "i j -> i", "sum")
        (A * A).sum()
        np.multiply.outer(A, A).sum(axis=1)
    assert calls == []


TRACES = {
    "torch.trace": lambda: torch.trace(M),
    "Tensor.diagonal": lambda: M.diagonal().sum(),
    "torch.diag": lambda: torch.diag(M),
    "torch.einsum('ii')": lambda: torch.einsum("ii", M),
    "numpy.trace": lambda: np.trace(np.eye(3)),
    "numpy.diagonal": lambda: np.diagonal(np.eye(3)),
    "numpy.einsum": lambda: np.einsum("ii", np.eye(3)),
    "jnp.trace": lambda: jnp.trace(jnp.eye(3)),
    "jax.Array.diagonal": lambda: jnp.eye(3).diagonal(),
    "ndarray.trace": lambda: SQUARE.trace(),
    "ndarray.diagonal": lambda: SQUARE.diagonal().sum(),
    "ndarray.trace, by a computed name": lambda: getattr(SQUARE, "tra" + "ce")(),
}


@pytest.mark.parametrize("name", TRACES)
def test_every_way_to_a_trace_is_refused(name):
    assert refused(forbidden.TRACE, TRACES[name]), name


PADDINGS = {
    "F.pad": lambda: F.pad(X, (1, 1)),
    "torch.constant_pad_nd": lambda: torch.constant_pad_nd(X, (1, 1)),
    "a padding module": lambda: torch.nn.ZeroPad2d(1)(X),
    "reflection": lambda: F.pad(X, (1, 1), mode="reflect"),
    "pad_sequence": lambda: torch.nn.utils.rnn.pad_sequence([X[0, 0, 0], X[0, 0, 0, :2]]),
    "numpy.pad": lambda: np.pad(A, 1),
    "jnp.pad": lambda: jnp.pad(jnp.ones(3), 1),
    "jax.lax.pad": lambda: jax.lax.pad(jnp.ones(3), 0.0, [(1, 1, 0)]),
}


@pytest.mark.parametrize("name", PADDINGS)
def test_every_way_to_a_padding_is_refused(name):
    assert refused(forbidden.PADDING, PADDINGS[name]), name


def test_a_padding_exercise_keeps_new_tensors_and_copies():
    with switched_off(forbidden.PADDING, refusing("pad1d", calls := [])):
        out = X.new_full((1, 2, 5, 7), -1.0)
        out[..., 1:6] = X
        torch.cat([X[..., :1], X], dim=-1)
    assert calls == []


MAX_POOLINGS = {
    "F.max_pool2d": lambda: F.max_pool2d(X, 2),
    "the module": lambda: torch.nn.MaxPool2d(2)(X),
    "max_pool1d twice": lambda: F.max_pool1d(X[0], 2),
    "adaptive": lambda: F.adaptive_max_pool2d(X, 2),
    "fractional": lambda: F.fractional_max_pool2d(X, 2, output_size=2),
    "flax.linen.max_pool": lambda: nn.max_pool(IMAGE, (2, 2)),
    "flax.nnx.max_pool": lambda: nnx.max_pool(IMAGE, (2, 2)),
    "flax's generic pool": lambda: pool(IMAGE, -jnp.inf, jax.lax.max, (2, 2), None, "VALID"),
    "jax.lax.reduce_window": lambda: jax.lax.reduce_window(
        IMAGE, -jnp.inf, jax.lax.max, (2, 2, 1), (1, 1, 1), "VALID"
    ),
    "stax.MaxPool": lambda: stax.MaxPool((2, 2))[1]((), IMAGE[None]),
}


@pytest.mark.parametrize("name", MAX_POOLINGS)
def test_every_way_to_a_max_pooling_is_refused(name):
    assert refused(forbidden.MAX_POOLING, MAX_POOLINGS[name]), name


def test_the_jax_max_pooling_exercise_keeps_reduce_window():
    with switched_off(forbidden.MAX_POOLING_LAYER, refusing("maxpool2d_jax", calls := [])):
        y = jax.lax.reduce_window(IMAGE, -jnp.inf, jax.lax.max, (2, 2, 1), (2, 2, 1), "VALID")
        with pytest.raises(ForbiddenCall):
            nn.max_pool(IMAGE, (2, 2))
    assert y.shape == (2, 2, 2) and calls == ["flax.linen.max_pool"]


def test_the_message_names_the_call_and_the_call_is_recorded_even_if_caught():
    calls: list[str] = []
    with switched_off(forbidden.TRACE, refusing("as_strided_trace", calls)):
        try:
            torch.trace(torch.eye(2))
        except ForbiddenCall as error:
            assert str(error) == (
                "as_strided_trace called PyTorch's trace (aten::trace), which this exercise asks "
                "you to write yourself. Rewrite it without PyTorch's trace (aten::trace)."
            )
    assert calls == ["PyTorch's trace (aten::trace)"]


def test_everything_is_restored_afterwards():
    saved = (
        np.correlate,
        jnp.convolve,
        nn.Conv.__call__,
        vars(jax.lax.conv_general_dilated_p)["impl"],
    )
    with switched_off(forbidden.CONVOLUTION | forbidden.MAX_POOLING, refusing("f", [])):
        pass
    assert (
        np.correlate,
        jnp.convolve,
        nn.Conv.__call__,
        vars(jax.lax.conv_general_dilated_p)["impl"],
    ) == saved
    with switched_off(forbidden.MATRIX_PRODUCT | forbidden.TRACE, refusing("f", [])):
        pass
    assert (
        A.dot(A) == 55.0 and SQUARE.trace() == 3.0 and operator.matmul(SQUARE, SQUARE)[1, 1] == 11.0
    )
    assert saved_correlate is np.correlate and np.correlate(A, V).shape == (5,)
    assert F.conv2d(X, W).shape == (1, 3, 3, 3) and scripted_conv(X, W).shape == (1, 3, 3, 3)
    assert nn.max_pool(IMAGE, (2, 2)).shape == (3, 3, 2)
    assert nnx.Conv(1, 2, (2,), rngs=nnx.Rngs(0))(jnp.ones((5, 1))).shape == (5, 2)


def test_the_operator_patterns_name_only_what_they_mean():
    allowed = (
        "sum",
        "mul",
        "add",
        "as_strided",
        "unfold",
        "im2col",
        "expand",
        "cat",
        "stack",
        "amax",
        "max",
        "cumsum",
        "new_full",
        "zeros",
        "copy_",
        "slice",
        "select",
        "index_select",
        "outer",
        "kron",
        "convert_element_type",
        "_convert_indices_from_coo_to_csr",
        "upsample_bilinear2d",
        "lgamma",
    )
    for operation in (
        forbidden.CONVOLUTION,
        forbidden.MATRIX_PRODUCT,
        forbidden.TRACE,
        forbidden.PADDING,
        forbidden.MAX_POOLING,
    ):
        hit = {
            name.partition("::")[2].partition(".")[0] for name in torch_operators(operation.aten)
        }
        assert not hit & set(allowed), (operation.name, hit & set(allowed))
    assert {"conv2d", "convolution", "mkldnn_convolution"} <= {
        name.partition("::")[2].partition(".")[0]
        for name in torch_operators(forbidden.CONVOLUTION.aten)
    }
