"""A grading process's lockdown, tried from student code: nothing turns the forbidden operation back on, and
nothing reaches beyond computing, on any thread; correct code in every style runs as before.

The lockdown cannot be undone, so each snippet runs in a fresh Python process, locked down: the snippet
defines `attempt()`, which runs as student code (in the namespace the lockdown guards), and the process
reports what happened to it.
"""

import json
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import pytest

HARNESS = r"""
import builtins, functools, json, os, sys, types
import numpy as np, torch, torch.nn.functional as F, jax, jax.numpy as jnp, flax.linen as nn
from flax import nnx
from course.judging import forbidden
from course.kernel.lockdown import lock_down
from course.kernel.switches import ForbiddenCall

main = types.ModuleType("__main__")
main.__dict__["__builtins__"] = builtins
sys.modules["__main__"] = main
student = main.__dict__
exec("import numpy as np, torch, torch.nn.functional as F, jax, jax.numpy as jnp, flax.linen as nn\n"
     "from flax import nnx", student)
jax.devices()
calls = []
def refuse(shown):
    calls.append(shown)
    raise ForbiddenCall(shown)
reports = os.pipe()
os.set_blocking(reports[1], False)
lock_down(getattr(forbidden, sys.argv[1]), refuse, student, functools.partial(os.write, reports[1]))
outcomes = {}
for name, source in json.loads(sys.argv[2]).items():
    del calls[:]
    try:
        exec(compile(source, f"<solution {name}>", "exec"), student)
        value = student["attempt"]()
        outcomes[name] = "forbidden" if calls else f"ok {value!r}"[:200]
    except ForbiddenCall:
        outcomes[name] = "forbidden"
    except PermissionError as error:
        outcomes[name] = f"refused: {error}"
    except BaseException as error:
        outcomes[name] = "forbidden" if calls else f"{type(error).__name__}: {error}"[:300]
print(json.dumps(outcomes))
"""


def locked_down(operation: str, snippets: dict[str, str]) -> dict[str, str]:
    """What each snippet's `attempt()` gave, each in a process of its own locked down for `operation`."""

    def run(name: str) -> str:
        sources = {name: textwrap.dedent(snippets[name])}
        result = subprocess.run(
            [sys.executable, "-c", HARNESS, operation, json.dumps(sources)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return json.loads(result.stdout.splitlines()[-1])[name]

    with ThreadPoolExecutor(2) as pool:
        return dict(zip(snippets, pool.map(run, snippets)))


# Ways back to a destroyed convolution, and escapes, each as a determined student would write them.
CHEATS = {
    "the dispatcher's handles, found by the garbage collector": """
        import gc
        def attempt():
            for handle in [o for o in gc.get_objects() if type(o).__name__ == "_DispatchModule"]:
                handle.reset()
            return F.conv2d(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2))""",
    "a fresh NumPy C module": """
        import sys
        def attempt():
            spec = sys.modules["numpy._core._multiarray_umath"].__spec__
            module = sys.modules["_imp"].create_dynamic(spec)
            return module.correlate2(np.ones(3), np.ones(2), 0)""",
    "NumPy imported again": """
        import importlib, sys
        def attempt():
            for name in [n for n in sys.modules if n.startswith("numpy")]:
                del sys.modules[name]
            return importlib.import_module("numpy").correlate(np.ones(3), np.ones(2))""",
    "Flax reloaded": """
        import importlib, sys
        def attempt():
            linear = importlib.reload(sys.modules["flax.linen.linear"])
            return linear.Conv(1, (2,)).init(jax.random.PRNGKey(0), jnp.ones((4, 1)))""",
    "Flax's source run again": """
        import sys
        def attempt():
            path = sys.modules["flax.linen.linear"].__file__
            namespace = {"__name__": "flax.linen.linear", "__package__": "flax.linen"}
            exec(compile(open(path).read(), path, "exec"), namespace)
            return namespace["Conv"](1, (2,)).init(jax.random.PRNGKey(0), jnp.ones((4, 1)))""",
    "JAX's lowering registered again": """
        import sys
        def attempt():
            mlir, convolution = sys.modules["jax._src.interpreters.mlir"], sys.modules["jax._src.lax.convolution"]
            mlir.register_lowering(jax.lax.conv_general_dilated_p, convolution._conv_general_dilated_lower)
            return jax.lax.conv_general_dilated(jnp.ones((1, 1, 4)), jnp.ones((1, 1, 2)), (1,), "VALID")""",
    "a thread": """
        import threading
        def attempt():
            done, x, w = [], torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2)
            thread = threading.Thread(target=lambda: done.append(F.conv2d(x, w)))
            thread.start()
            thread.join()
            return done""",
    "ctypes": """
        import ctypes
        def attempt():
            return ctypes.cast(id(F.conv2d), ctypes.py_object).value""",
    "ctypes, as another module keeps it": """
        def attempt():
            buffer = bytearray(8)
            return torch.ctypes.memmove(id(buffer), id(buffer), 1)""",
    "the process's memory": """
        def attempt():
            with open("/proc/self/mem", "r+b") as memory:
                return memory.read(1)""",
    "a program": """
        import os
        def attempt():
            return os.system("true")""",
    "a program without an audit event": """
        import _posixsubprocess, os
        def attempt():
            reader, writer = os.pipe()
            return _posixsubprocess.fork_exec(
                [b"/bin/true"], [b"/bin/true"], True, (), None, None, -1, -1, -1, -1, -1, -1, reader, writer,
                False, False, -1, None, None, None, -1, None, False)""",
    "a child process": """
        import os
        def attempt():
            return os.fork()""",
    "a socket": """
        import socket
        def attempt():
            return socket.socket()""",
    "a frame": """
        import sys
        def attempt():
            return sys._getframe(1).f_globals""",
    "a generator's frame": """
        def attempt():
            return (x for x in [1]).gi_frame""",
    "a traceback's frame": """
        def attempt():
            try:
                1 / 0
            except ZeroDivisionError as error:
                return error.__traceback__.tb_frame""",
    "a function's code": """
        def attempt():
            return attempt.__code__""",
    "a file written": """
        def attempt():
            with open("/tmp/planted.txt", "w") as file:
                return file.write("x")""",
    "a module no solution may import": """
        def attempt():
            import wave
            return wave""",
    "exec": """
        def attempt():
            return eval("1 + 1")""",
    "NumPy's correlate from another exercise's process": """
        def attempt():
            return np.correlate(np.ones(3), np.ones(2))""",
    "JAX in float64 for a PyTorch exercise": """
        def attempt():
            jax.config.update("jax_enable_x64", True)
            return jnp.convolve(jnp.ones(3), jnp.ones(2))""",
}


@pytest.fixture(scope="module")
def cheated():
    return locked_down("CONVOLUTION", CHEATS)


@pytest.mark.parametrize("name", CHEATS)
def test_no_way_back_to_a_destroyed_operation_and_no_way_out(cheated, name):
    outcome = cheated[name]
    assert outcome == "forbidden" or outcome.startswith(
        "refused: grading does not let a solution"
    ), (name, outcome)


# NumPy's matrix products are C methods of its arrays: they are switched off in the array class itself.
MATRIX_PRODUCT_CHEATS = {
    "ndarray.dot by a computed name": """
        def attempt():
            a = torch.ones(2, 2).numpy()
            return getattr(a, "do" + "t")(a)""",
    "ndarray.__matmul__ through operator.methodcaller": """
        import operator
        def attempt():
            a = np.ones((2, 2))
            return operator.methodcaller("__mat" + "mul__", a)(a)""",
    "numpy.matmul as another module keeps it": """
        import functools
        def attempt():
            a = np.ones((2, 2))
            return functools.reduce(np.linalg._linalg.matmul, [a, a])""",
    "a masked array's dot": """
        def attempt():
            a = np.ones((2, 2))
            return np.ma.masked_array(a).dot(a)""",
    "the array class's namespace restored": """
        import gc
        def attempt():
            namespace = gc.get_referents(np.ndarray.__dict__)[0]
            return namespace""",
}


def test_numpy_array_methods_stay_switched_off():
    outcomes = locked_down("MATRIX_PRODUCT", MATRIX_PRODUCT_CHEATS)
    assert all(
        outcome == "forbidden" or outcome.startswith("refused: grading does not let a solution")
        for outcome in outcomes.values()
    ), outcomes


# Correct code in many styles, which the lockdown must leave alone.
STYLES = {
    "torch building blocks": """
        def attempt():
            x = torch.arange(24.0).reshape(1, 2, 3, 4)
            windows = x.as_strided((1, 2, 2, 3, 2, 2), (24, 12, 4, 1, 4, 1))
            return float(torch.einsum("bchwij,oc->bo", windows, torch.ones(1, 2)).sum() + F.unfold(x, 2).sum())""",
    "NumPy sliding windows": """
        def attempt():
            return float((np.lib.stride_tricks.sliding_window_view(np.arange(5.0), 2) @ np.ones(2)).sum())""",
    "a module imported for the first time": """
        def attempt():
            import numpy.polynomial
            return numpy.polynomial.polynomial.polyval(2.0, [1.0, 1.0])""",
    "jax.jit, dataclasses and namedtuples": """
        import dataclasses, functools, collections
        @dataclasses.dataclass
        class Sizes:
            h: int = 2
        Pair = collections.namedtuple("Pair", "a b")
        @functools.partial(jax.jit, static_argnums=1)
        def double(x, n):
            return x * n
        def attempt():
            return float(double(jnp.ones(3), Sizes().h).sum()) + Pair(1, 2).b""",
    "a Flax layer on lax.conv_general_dilated": """
        class Layer(nn.Module):
            @nn.compact
            def __call__(self, x):
                kernel = self.param("kernel", nn.initializers.lecun_normal(), (2, x.shape[-1], 3))
                return jax.lax.conv_general_dilated(x[None], kernel, (1,), "SAME",
                                                    dimension_numbers=("NWC", "WIO", "NWC"))[0]
        def attempt():
            x = jnp.ones((5, 2))
            return Layer().apply(Layer().init(jax.random.PRNGKey(0), x), x).shape""",
    "print and a warning": """
        import warnings
        def attempt():
            print("debugging")
            warnings.warn("a student's warning")
            return 1""",
}


def test_correct_code_runs_after_the_lockdown():
    outcomes = locked_down("CONVOLUTION_LAYER", STYLES)
    assert {name: outcome.startswith("ok") for name, outcome in outcomes.items()} == dict.fromkeys(
        STYLES, True
    ), outcomes
