"""The policy for solution cells: it says, before anything runs, only what must be said; every style passes.

Everything else a solution could do to reach beyond its exercise is refused while it runs, by what it
does (tests/test_lockdown.py): patching libraries, reading frames or globals, computing attribute names
and the rest are not the source check's business any more.
"""

import pytest

from course.grading.policy import violations
from course.judging.forbidden import CONVOLUTION, MATRIX_PRODUCT, NOTHING, TRACE

ACCEPTED = {
    "loops and imports": """
import math
import itertools
def conv1d_minimal(x, weights):
    b, ic, w = x.shape
    out = torch.zeros(b, weights.shape[0], w - weights.shape[2] + 1, dtype=x.dtype)
    for i, j in itertools.product(range(b), range(out.shape[1])):
        out[i, j] = sum(x[i, :, k:k + 3].mul(weights[j]).sum() for k in range(out.shape[2]))
    return out
""",
    "einops and unfold": """
import einops
from torch.nn import functional as F
def conv1d_minimal(x, weights):
    windows = x.unfold(-1, weights.shape[-1], 1)
    return einops.einsum(windows, weights, "b ic ow kw, oc ic kw -> b oc ow")
""",
    "nnx module with private attributes on self": """
class MyConv2D(nnx.Module):
    def __init__(self, in_features, out_features, kernel_h, kernel_w, stride, *, rngs: nnx.Rngs):
        super().__init__()
        shape = (kernel_h, kernel_w, in_features, out_features)
        self.kernel = nnx.Param(nnx.initializers.lecun_normal()(rngs.params(), shape))
        self.bias = nnx.Param(jnp.zeros((out_features,)))
        self._stride = stride
        self.stride = stride
    def __call__(self, x):
        return x[None][0] + self.bias[...]
""",
    "literal getattr and local mutation": """
def pad1d(x, left, right, pad_value):
    out = x.new_full((*x.shape[:-1], left + x.shape[-1] + right), pad_value)
    out[..., left:left + x.shape[-1]] = x
    shape = getattr(out, "shape")
    return out
""",
    "library functions named like container methods": """
def f(x, y):
    shape = type(x)
    return np.append(np.insert(torch.add(x, y).sort().values, 0, 1), 2), shape, own.update
""",
    "warm-up assignments": "first_column = ((4,), (5,))\ndiagonal = ((4,), (6,))\n",
    "jax.jit in every form, partial imported again as the notebook does": """
from __future__ import annotations
from functools import partial
import jax
from jax import lax
from flax import nnx
@partial(jax.jit, static_argnums=(1, 2, 3))
def maxpool2d_jax(x: jax.Array, window, stride, padding: str) -> jax.Array:
    return lax.reduce_window(x, -jnp.inf, lax.max, (*window, 1), (*stride, 1), padding)
@jax.jit
def double(x):
    return x * 2
def conv_with_padding(x, kernel, mode):
    run = jax.jit(lambda a, b: a + b)
    return nnx.jit(double)(run(x, kernel))
""",
    "type hints, jaxtyping, match, reduce, assert, print, local classes": """
from __future__ import annotations
import functools
import operator
from typing import Sequence
from jaxtyping import Array, Float
def force_pair(v: int | tuple[int, int]) -> tuple[int, int]:
    match v:
        case int():
            return (v, v)
        case (int() as h, int() as w):
            return (h, w)
        case _:
            raise ValueError(f"not a pair: {v!r}")
def numel(shape: Sequence[int]) -> int:
    assert all(n >= 0 for n in shape), "negative size"
    print("shape", shape)
    return functools.reduce(operator.mul, shape, 1)
class Window:
    def __init__(self, size):
        self.size = size
    def __call__(self, x: Float[Array, "n"]):
        return x[: self.size]
""",
    "einops in every form": """
import einops
from einops import rearrange, reduce, repeat, einsum
def f(x, w):
    windows = rearrange(x.unfold(-1, 3, 1), "b c t k -> b t (c k)")
    pooled = reduce(windows, "b t ck -> b t", "max") + einops.repeat(w, "o -> o t", t=1).sum()
    return einsum(windows, w, "b t ck, ck -> b t") + pooled
""",
    "torch.jit (its operators are still watched)": """
@torch.jit.script
def add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return a + b
""",
    "Flax modules that set their own attributes": """
class MyConv2D(nnx.Module):
    def __init__(self, in_features, out_features, kernel_h, kernel_w, stride, *, rngs):
        self.stride = stride
        self.kernel = nnx.Param(jnp.zeros((kernel_h, kernel_w, in_features, out_features)))
        self.kernel.value = self.kernel[...] + 1
""",
    "helpers named with an underscore, as an earlier solution cell may define them": """
def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride):
    return _apply(seed, x) + _helper_of_another_cell(x)
""",
    "a private helper of a library": """
from torch.nn.modules.utils import _pair
def force_pair(v):
    return _pair(v)
""",
    "getattr, globals, setattr on a class of its own and the special methods a student might write": """
class Pair(tuple):
    def __repr__(self):
        return "Pair"
def f(x, name="shape"):
    setattr(Pair, "size", 2)
    return getattr(x, name), globals().get("F"), Pair((1, 2))
""",
    "own underscore names": """
_CACHE = {}
def _windows(x, k, *_rest, **_options):
    for _i in range(1):
        pass
    try:
        _n = x.shape[-1] - k + 1
    except ValueError as _error:
        raise _error
    match x.shape:
        case (_b, *_others):
            pass
    return [_ for _ in range(_n)], _CACHE, _i, _b, _others, _rest, _options
""",
}

REFUSED = {
    "imports the operating system": ("import os\nos.kill(os.getpid(), 9)", NOTHING, "imports 'os'"),
    "imports a module from a package": (
        "import xml.dom.minidom",
        NOTHING,
        "imports 'xml.dom.minidom'",
    ),
    "imports a module through another": ("from torch import os", NOTHING, "imports 'os'"),
    "imports a socket": (
        "import socket\nsocket.create_connection(('example.org', 80))",
        NOTHING,
        "imports 'socket'",
    ),
    "imports from inside a function": (
        "def f(x):\n    import subprocess\n    return x",
        NOTHING,
        "imports 'subprocess'",
    ),
    "imports relatively": ("from . import helpers", NOTHING, "a relative import"),
    "does not parse": ("def f(:\n", NOTHING, "syntax error"),
    "NumPy's @ in a matrix-product exercise": (
        "def f(a, b):\n    return a.numpy() @ b.numpy()",
        MATRIX_PRODUCT,
        "uses the @ operator: a library's a matrix product",
    ),
    "@= in a matrix-product exercise": (
        "def f(a, b):\n    a @= b\n    return a",
        MATRIX_PRODUCT,
        "@ operator",
    ),
}


@pytest.mark.parametrize("source", ACCEPTED.values(), ids=ACCEPTED.keys())
@pytest.mark.parametrize(
    "operation", [NOTHING, CONVOLUTION], ids=["no forbidden operation", "a convolution"]
)
def test_ordinary_solutions_are_accepted(source, operation):
    assert violations(source, operation) == []


@pytest.mark.parametrize("source, operation, reason", REFUSED.values(), ids=REFUSED.keys())
def test_what_must_be_said_first_is_refused_with_a_reason(source, operation, reason):
    found = violations(source, operation)
    assert any(reason in str(v) for v in found), found


def test_spellings_are_refused_only_where_the_operation_has_no_switch():
    assert violations("def f(a, b):\n    return a @ b", CONVOLUTION) == []
    # a decorator is no product
    assert violations("@jax.jit\ndef f(a, b):\n    return a", MATRIX_PRODUCT) == []
    # NumPy's array methods and operator's functions are switched off while the solution runs instead
    for source in (
        "def f(a, b):\n    return a.numpy().dot(b.numpy())",
        "import operator\ng = operator.matmul",
        "from operator import matmul",
        "f = 'dot'",
        "def f(m):\n    return m.numpy().trace()",
    ):
        assert violations(source, MATRIX_PRODUCT | TRACE) == [], source
