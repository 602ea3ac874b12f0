"""The policy for solution cells: it says, before anything runs, only what must be said; every style passes.

Everything else a solution could do to reach beyond its exercise is refused while it runs, by what it
does (tests/test_lockdown.py): patching libraries, reading frames or globals, computing attribute names
and the rest are not the source check's business any more.
"""

import json
import re
import subprocess

import pytest

from course.grading.policy import violations
from course.judging.forbidden import CONVOLUTION, MATRIX_PRODUCT, NOTHING, TRACE
from course.versions import COLAB
from tests.pythons import later_python

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


# Solutions the grading Python cannot parse: what each is blamed on is checked against Python 3.12 and 3.13 themselves.
UNPARSABLE = {
    "a type statement": "type Matrix = torch.Tensor\n",
    "a generic type alias": "type Pair[T] = tuple[T, T]\n",
    "a generic function": "def first[T](items: list[T]) -> T:\n    return items[0]\n",
    "a generic class": "class Box[T: (int, str)](Base):\n    pass\n",
    "a generic method": "class Box:\n    def get[T](self, x: T) -> T:\n        return x\n",
    "an f-string reusing its quotes": 'sizes = {"n": 3}\nlabel = f"n = {sizes["n"]}"\n',
    "an f-string nested in one with its quotes": 'label = f"{f"{x}"}"\n',
    "an f-string with a backslash in its braces": "label = f'{\"\\n\".join(names)}'\n",
    "an f-string with a comment in its braces": 'x = 1\nlabel = f"""{\nx  # the value\n}"""\n',
    "an f-string whose braces span lines": "label = f'{1 +\n2}'\n",
    "an f-string with strings joined in its braces": "label = f'{'a' 'b'}'\n",
    "an f-string with a quote in its format spec": 'label = f"{x:{w["n"]}}"\n',
    "a missing colon": "def f(x)\n    return x\n",
    "an f-string never closed": "label = f'{x'\n",
    "an f-string with an empty expression": "label = f'{}'\n",
    "an f-string with a comment on one line": "label = f'{x # the value}'\n",
    "an f-string with a single closing brace": "label = f'{x}}'\n",
    "an f-string with mismatched brackets": 'label = f"{a["b"}"\n',
    "an f-string with no conversion": 'label = f"{x!}"\n',
    "an unclosed bracket": "y = torch.zeros((3, 4)\n",
    "a keyword as a name": "class = 3\n",
    "empty type parameters": "def f[](x):\n    return x\n",
    "a type statement and a missing colon": "type Matrix = list\ndef f(x)\n    return x\n",
    "an f-string reusing its quotes and a stray bracket": 'label = f"{d["n"]}"\ny = (1,\n',
}


@pytest.fixture(scope="module")
def parsed_by_later_pythons() -> dict[str, dict[str, bool]]:
    """Python version -> sample name -> whether that Python parses it."""
    probe = (
        "import ast, json, sys\n"
        "def parses(source):\n"
        "    try:\n        ast.parse(source)\n    except SyntaxError:\n        return False\n"
        "    return True\n"
        "print(json.dumps({k: parses(v) for k, v in json.load(sys.stdin).items()}))"
    )
    found = {}
    for version in ("3.12", COLAB["python"]):
        run = subprocess.run(
            [later_python(version), "-c", probe],
            input=json.dumps(UNPARSABLE),
            capture_output=True,
            text=True,
            check=True,
        )
        found[version] = json.loads(run.stdout)
    return found


@pytest.mark.parametrize("name", UNPARSABLE)
def test_a_syntax_error_is_blamed_on_a_newer_python_only_where_that_python_reads_it(
    name, parsed_by_later_pythons
):
    (violation,) = violations(UNPARSABLE[name], NOTHING)
    assert violation.message.startswith("syntax error in Python 3.11, which grades: ")
    assert "\n" not in violation.message
    newer = re.findall(r"is new in Python (3\.\d+)", violation.message)
    assert set(newer) <= {"3.12"}
    assert parsed_by_later_pythons["3.12"][name] == bool(newer), violation.message
    assert parsed_by_later_pythons[COLAB["python"]][name] == bool(newer), violation.message


def test_what_each_newer_feature_is_called():
    def said(name: str) -> str:
        return violations(UNPARSABLE[name], NOTHING)[0].message

    assert said("a type statement").endswith("; a `type` statement is new in Python 3.12")
    assert said("a generic function").endswith(
        "; a type parameter list in brackets is new in Python 3.12"
    )
    for name in ("an f-string reusing its quotes", "an f-string with a backslash in its braces"):
        assert said(name).endswith(
            "; an f-string that holds its own quotes, a backslash or a comment inside its braces "
            "is new in Python 3.12"
        )


def test_except_without_parentheses_is_named_as_python_314s():
    """PEP 758. No Python 3.14 is at hand: the claim rests on the PEP, and the `as` form stays an error."""
    source = "try:\n    x = 1\nexcept ValueError, TypeError:\n    x = 0\n"
    (violation,) = violations(source, NOTHING)
    assert violation.message.endswith("; `except A, B:` without parentheses is new in Python 3.14")
    with_as = source.replace("TypeError:", "TypeError as error:")
    assert "new in Python" not in violations(with_as, NOTHING)[0].message
