"""The grading policy for solution cells: cheats are refused, ordinary solutions in any style are not."""

import pytest

from course.grading.policy import violations

RESERVED = frozenset({"torch", "np", "F", "nn", "nnx", "jnp", "check_close", "forbidden_calls", "MATMUL_FORBIDDEN",
                      "TOLERANCES", "sum", "range", "type"})

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
    "loads a file through a library": ("def f(x):\n    return torch.load('source.pt')", ".load"),
    "imports everything": ("from torch import *", "import *"),
    "rebinds a helper through an import": ("from torch import allclose as check_close", "redefines 'check_close'"),
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
