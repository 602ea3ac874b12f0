"""The grading policy for solution cells: what reaches outside the exercise is refused, every idiomatic style is not."""

import pytest

from course.grading.policy import violations

RESERVED = {**dict.fromkeys(("check_close", "forbidden_calls", "MATMUL_FORBIDDEN", "TOLERANCES", "sum", "range",
                              "type"), ""),
            "torch": "torch", "np": "numpy", "F": "torch.nn.functional", "nn": "flax.linen", "nnx": "flax.nnx",
            "jnp": "jax.numpy", "partial": "functools.partial"}

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
        self.kernel = nnx.Param(nnx.initializers.lecun_normal()(rngs.params(), (kernel_h, kernel_w, in_features, out_features)))
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
    "patches a library": ("torch.allclose = lambda *a, **k: True", "changes torch.allclose"),
    "patches numpy testing": ("import numpy as np\nnp.testing.assert_allclose = print", "changes np.testing"),
    "silences a check helper": ("def check_close(*args, **kwargs):\n    pass", "redefines 'check_close'"),
    "shadows a builtin the tests use": ("sum = lambda *args: 0", "redefines 'sum'"),
    "empties a forbidden list": ("MATMUL_FORBIDDEN[:] = []", "changes MATMUL_FORBIDDEN"),
    "reads the caller's frame": ("import inspect\ndef f(x):\n    return inspect.currentframe().f_back.f_globals", "imports 'inspect'"),
    "walks a traceback": ("def f(x):\n    try:\n        1 / 0\n    except Exception as e:\n        return e.__traceback__.tb_frame", "tb_frame"),
    "computes a forbidden name": ("def f(x, w):\n    return getattr(F, 'conv' + '1d')(x, w)", "computed attribute name"),
    "reads globals": ("def f(x):\n    return globals()['_expected']", "globals()"),
    "rebinds with global": ("def f(x):\n    global MATMUL_FORBIDDEN\n    MATMUL_FORBIDDEN = ()", "`global`"),
    "opens a file": ("def f(x):\n    return open('gradebook.db').read()", "open()"),
    "kills the kernel": ("import os\nos.kill(os.getpid(), 9)", "imports 'os'"),
    "forks through torch": ("def f(x):\n    return torch.multiprocessing.Process()", ".multiprocessing"),
    "opens a socket": ("import socket\nsocket.create_connection(('example.org', 80))", "imports 'socket'"),
    "disables torch function modes": ("def f(x):\n    with torch._C.DisableTorchFunction():\n        return x", "._C"),
    "patches a library through an alias": ("def f(x):\n    t = torch\n    t.allclose = print\n    return x",
                                           "changes t.allclose: a solution may set attributes only on self"),
    "patches a module it imported under another name": ("import numpy.testing as nt\nnt.assert_allclose = print",
                                                        "changes nt.assert_allclose"),
    "walks frames through getattr": ("def f(x):\n    return getattr(x, 'f_back')", "getattr(): uses .f_back"),
    "walks frames through attrgetter": ("import operator\nget = operator.attrgetter('gi_frame.f_back')",
                                        "names 'gi_frame.f_back' in a string"),
    "reaches the shell": ("def f(x):\n    return get_ipython().user_ns['_reference']", "uses get_ipython()"),
    "reaches the operating system through torch": ("def f(x):\n    return torch.os.environ", ".os"),
    "compiles with torch.compile": ("f = torch.compile(lambda x: x)", ".compile"),
    "starts a worker process": ("def f(x):\n    return torch.utils.data.DataLoader(x, num_workers=2)", ".DataLoader"),
    "names a private attribute in a string": ("import operator\nget = operator.attrgetter('_expected')",
                                              "names '_expected' in a string"),
    "imports everything": ("from torch import *", "import *"),
    "rebinds a helper through an import": ("from torch import allclose as check_close", "redefines 'check_close'"),
    "rebinds a notebook import to something else": ("from operator import mul as partial", "redefines 'partial'"),
    "evaluates code": ("def f(x):\n    return eval('x')", "eval()"),
    "reads a hidden test's variable": ("def f(x, w):\n    return _expected", "reads _expected"),
    "reads a hidden test's variable in a lambda": ("f = lambda x: _got + 0", "reads _got"),
    "makes anything equal": ("class Pair(tuple):\n    def __ne__(self, other):\n        return False", "special method __ne__"),
    "fakes an array": ("class A:\n    def __array__(self, dtype=None):\n        return 0", "special method __array__"),
    "renames its class": ("class P(tuple):\n    pass\nP.__name__ = 'tuple'", "changes the special attribute .__name__"),
    "loosens the tolerances": ("TOLERANCES.update({})", "changes TOLERANCES"),
    "empties a forbidden list in place": ("MATMUL_FORBIDDEN.clear()", "changes MATMUL_FORBIDDEN"),
    "imports a private module": ("import torch._C as C", "private module 'torch._C'"),
    "imports a private name": ("from torch.overrides import _pop_mode_temporarily", "private name"),
    "imports from a private module": ("from torch._C import DisableTorchFunction", "private module"),
    "builds a class with type()": ("Pair = type('Pair', (tuple,), {})", "type() with three arguments"),
    "names a special method in a string": ("methods = {'__eq__': lambda s, o: True}", "'__eq__' in a string"),
    "does not parse": ("def f(:\n", "syntax error"),
}


@pytest.mark.parametrize("source", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_ordinary_solutions_are_accepted(source):
    assert violations(source, RESERVED) == []


@pytest.mark.parametrize("source, reason", REFUSED.values(), ids=REFUSED.keys())
def test_cheats_are_refused_with_a_reason(source, reason):
    found = violations(source, RESERVED)
    assert any(reason in str(v) for v in found), found
