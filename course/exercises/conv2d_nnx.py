"""05 · Conv2D in Flax NNX: the layer `MyConv2D` as an `nnx.Module`, and `conv2d_forward`, judged against nnx.Conv.

The answer of `MyConv2D` is the class. Each case builds it with `rngs=nnx.Rngs(seed)` and makes two
calls that return plain data: what the fresh layer holds (its attributes and their values), and its
output once its kernel and bias are set to random values (a non-zero bias). Params are read with
`param[...]` and written with `param[...] = value`, as Flax 0.12 recommends; that also works on
Flax 0.10 and 0.11, so a student's older Flax does not change what the checks see. References are
`nnx.Conv`, which both exercises are forbidden to use, as is every other library's convolution but
`jax.lax.conv_general_dilated`.

`make release` copies this module, and the course modules it imports, into every student notebook.
"""

from collections.abc import Callable
from typing import Any

import flax
import jax
import jax.numpy as jnp
import numpy as np
from flax import nnx

from course.judging.checks import CheckFailed, Mistake, check_close, check_equal, hint
from course.judging.exercise import Call, Exercise, ExerciseSet, compute_candidates
from course.judging.forbidden import CONVOLUTION_LAYER

ERROR_HINTS = {
    "__jax_array__": Mistake(
        "param-passed-to-lax",
        "a Param object was passed where JAX needs an array: read it with self.kernel[...] "
        "(and self.bias[...])",
    ),
    "Invalid rng value": Mistake(
        "seed-not-cast-to-int", "nnx.Rngs got a float: build it with nnx.Rngs(int(seed))"
    ),
    "integer type": Mistake(
        "size-not-cast-to-int", "a shape got a float: cast the sizes with int()"
    ),
    "interpreted as an integer": Mistake(
        "stride-not-cast-to-int", "the stride is a float: cast it with int()"
    ),
    "rhs input feature dimension": Mistake(
        "in-features-not-channels",
        "in_features must be x.shape[-1]: the channels are the last axis",
    ),
    "has no attribute 'params'": Mistake(
        "key-instead-of-rngs",
        "rngs must be an nnx.Rngs, not a key: pass rngs=nnx.Rngs(int(seed))",
    ),
}
# Variable.get_value() and set_value() came with Flax 0.12.1: on an older Flax (Colab's was 0.11.2) they fail.
if not hasattr(nnx.Variable, "get_value"):
    ERROR_HINTS["has no attribute 'get_value'"] = ERROR_HINTS["has no attribute 'set_value'"] = (
        Mistake(
            "get-value-needs-newer-flax",
            f"get_value() and set_value() came with Flax 0.12.1, and this runtime has Flax {flax.__version__}: "
            "read a Param with self.kernel[...], which every Flax has",
        )
    )
SIZES = ("in_features", "out_features", "kernel_h", "kernel_w", "stride")
BIAS_SHIFT = 0.5  # keeps the random bias away from zero, so a bias that is never added shows


def random_array(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """Float32 normals of `shape` from `rng`, shifted so that many are negative."""
    return (rng.standard_normal(shape) * 2 - 0.5).astype(np.float32)


def library_conv(
    x: Any, kernel: jax.Array, bias: jax.Array, strides: tuple[int, int], padding: str = "SAME"
) -> jax.Array:
    """nnx.Conv with this HWIO kernel and bias, applied to x (H, W, C_in)."""
    kh, kw, cin, cout = kernel.shape
    conv = nnx.Conv(cin, cout, (kh, kw), strides=strides, padding=padding, rngs=nnx.Rngs(0))
    conv.kernel[...] = jnp.asarray(kernel)
    conv.bias[...] = jnp.asarray(bias)  # type: ignore[index]  # use_bias is True: the bias exists
    return conv(jnp.asarray(x))


def library_kernel(sizes: tuple[int, ...], rngs: nnx.Rngs, **options: Any) -> jax.Array:
    """The kernel nnx.Conv draws for these sizes (in, out, kernel_h, kernel_w, ...) from `rngs`."""
    cin, cout, kh, kw = sizes[:4]
    return nnx.Conv(cin, cout, (kh, kw), rngs=rngs, **options).kernel[...]


def _an(text: str) -> str:
    """`text` with its indefinite article: "an int", "a JAX array", "an nnx.Variable"."""
    return f"{'an' if text[0] in 'aeiou' or text.startswith('nnx') else 'a'} {text}"


def kind(value: Any) -> str:
    """What a layer's attribute is, in words: "nnx.Param", "nnx.Variable", "JAX array", "int", "missing"..."""
    if value is None:
        return "missing"
    if isinstance(value, nnx.Param):
        return "nnx.Param"
    if isinstance(value, nnx.Variable):
        return f"nnx.{type(value).__name__}"
    if isinstance(value, jax.Array):
        return "JAX array"
    return "NumPy array" if isinstance(value, np.ndarray) else type(value).__name__


def contents(layer: Any) -> dict[str, Any]:
    """What a freshly built layer holds, as plain data: each attribute's kind and value, and any nnx.Conv inside."""
    held: dict[str, Any] = {}
    for name in ("kernel", "bias"):
        value = getattr(layer, name, None)
        array = value[...] if isinstance(value, nnx.Variable) else value
        if not isinstance(array, (jax.Array, np.ndarray)):
            array = None
        held[name] = {
            "kind": kind(value),
            "value": array,
            "dtype": str(getattr(array, "dtype", "")),
        }
    stride = getattr(layer, "stride", None)
    held["stride"] = {"kind": kind(stride), "value": stride if type(stride) is int else None}
    convs = (
        [path for path, node in nnx.iter_graph(layer) if isinstance(node, nnx.Conv)]
        if isinstance(layer, nnx.Module)
        else []
    )
    held["conv"] = (".".join(map(str, convs[0])) or "the top") if convs else None
    return held


def output_with(layer: Any, kernel: jax.Array, bias: jax.Array, x: jax.Array) -> Any:
    """The layer's output on x once its kernel and bias Params hold the given arrays."""
    layer.kernel[...] = kernel
    layer.bias[...] = bias
    return layer(x)


class MyConv2DLayer(Exercise):
    """The NNX layer: what `MyConv2D(*sizes, rngs=nnx.Rngs(seed))` holds, and its output with random Params."""

    name = "MyConv2D"
    forbidden = CONVOLUTION_LAYER
    error_hints = ERROR_HINTS
    checked_call_by_call = True
    visible = (
        {
            "in_features": 2,
            "out_features": 3,
            "kernel_h": 3,
            "kernel_w": 2,
            "stride": 2,
            "x": (5, 7, 2),
            "seed": 1,
        },
    )

    def data(self, case: dict[str, Any]) -> tuple[jax.Array, jax.Array, jax.Array]:
        """The case's input x and the random kernel and non-zero bias its layer is given."""
        cin, cout, kh, kw, _ = (case[name] for name in SIZES)
        if tuple(case["x"])[-1:] != (cin,):
            raise ValueError(f"x {case['x']} must have in_features = {cin} channels")
        rng = np.random.default_rng(case["seed"])
        x, kernel = random_array(rng, tuple(case["x"])), rng.standard_normal((kh, kw, cin, cout))
        bias = rng.standard_normal(cout) + BIAS_SHIFT
        return jnp.asarray(x), jnp.asarray(kernel, jnp.float32), jnp.asarray(bias, jnp.float32)

    def prepare(self) -> None:
        """nnx.Conv's kernel and output on each visible case, as judging a right answer computes them, and the
        kernels and outputs of the known mistakes, as judging a wrong one does."""
        for case in self.visible:
            sizes, (x, kernel, bias) = tuple(case[name] for name in SIZES), self.data(case)
            library_kernel(sizes, nnx.Rngs(case["seed"]))
            library_conv(x, kernel, bias, (case["stride"], case["stride"]))
            compute_candidates(kernel_mistakes(sizes[:4], case["seed"]))
            compute_candidates(output_mistakes(x, kernel, bias, case["stride"]))

    def calls(self, case: dict[str, Any]) -> list[Call]:
        """Build the layer and report what it holds; build it again, set random Params and call it on x."""
        sizes, seed = tuple(case[name] for name in SIZES), case["seed"]
        x, kernel, bias = self.data(case)

        def build(answer: Any) -> Any:
            return answer(*sizes, rngs=nnx.Rngs(seed))

        return [
            Call("init", lambda answer: contents(build(answer))),
            Call("call", lambda answer: output_with(build(answer), kernel, bias, x), {"x": x}),
        ]

    def describe(self, case: dict[str, Any], label: str) -> str:
        """E.g. "MyConv2D(2, 3, 3, 2, 2, rngs=nnx.Rngs(1))", or "MyConv2D(2, 3, 3, 2, 2)(x (5, 7, 2))" for the call."""
        sizes = ", ".join(str(case[name]) for name in SIZES)
        return (
            f"MyConv2D({sizes}, rngs=nnx.Rngs({case['seed']}))"
            if label == "init"
            else f"MyConv2D({sizes})(x {tuple(case['x'])})"
        )

    def judge_value(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """The layer's contents after __init__, or its output with the case's random kernel and bias."""
        if call.label == "init":
            self.judge_contents(case, value, what)
            return
        x, kernel, bias = self.data(case)
        s = case["stride"]
        expected = library_conv(x, kernel, bias, (s, s))
        check_close(
            value,
            expected,
            f"{what} with a random kernel and a non-zero bias",
            output_mistakes(x, kernel, bias, s),
            {
                (1, *expected.shape): Mistake(
                    "batch-axis-kept",
                    "the batch axis is still there: drop it after the convolution",
                )
            },
        )

    def judge_contents(self, case: dict[str, Any], held: dict[str, Any], what: str) -> None:
        """The Params, their shapes and initial values, and the static stride of a fresh layer."""
        cin, cout, kh, kw, s = (case[name] for name in SIZES)
        if held["conv"] is not None:
            raise CheckFailed(
                f"{what} holds an nnx.Conv (at {held['conv']}), which this exercise asks you to write "
                f"yourself. Rewrite it without flax.nnx.Conv."
            )
        for name in ("kernel", "bias"):
            found = held[name]["kind"]
            if found == "missing":
                elsewhere = Mistake(
                    f"{name}-missing",
                    f"it is stored under another name; store it as self.{name} = nnx.Param(...).",
                )
                raise CheckFailed(f"{what} has no attribute {name}.{hint(elsewhere)}")
            if found != "nnx.Param":
                mistake = (
                    "the array was stored as it is, so it is not a parameter"
                    if found.endswith("array")
                    else f"only nnx.Param marks a trainable parameter, not {_an(found)}"
                    if found.startswith("nnx.")
                    else f"it holds {_an(found)}"
                )
                raise CheckFailed(
                    f"{what}.{name} should be an nnx.Param, got {_an(found)}."
                    f"{hint(Mistake(f'{name}-not-a-param', f'{mistake}; store it as self.{name} = nnx.Param(array).'))}"
                )
        check_equal(
            tuple(np.shape(held["kernel"]["value"])),
            (kh, kw, cin, cout),
            f"{what}.kernel shape",
            kernel_shape_mistake(tuple(np.shape(held["kernel"]["value"])), (cin, cout, kh, kw)),
        )
        check_equal(
            tuple(np.shape(held["bias"]["value"])),
            (cout,),
            f"{what}.bias shape",
            Mistake(
                "bias-wrong-shape",
                "the bias has one number per output channel: shape (out_features,).",
            ),
        )
        judge_stride(held["stride"], s, what)
        for name in ("kernel", "bias"):
            judge_dtype(held[name]["dtype"], f"{what}.{name} right after __init__", name)
        check_close(
            held["kernel"]["value"],
            library_kernel((cin, cout, kh, kw), nnx.Rngs(case["seed"])),
            f"{what}.kernel right after __init__",
            kernel_mistakes((cin, cout, kh, kw), case["seed"]),
        )
        check_close(
            held["bias"]["value"],
            np.zeros(cout, np.float32),
            f"{what}.bias right after __init__",
            {
                Mistake(
                    "bias-starts-at-ones", "the bias is initialised to ones; it must start at zeros"
                ): np.ones(cout, np.float32)
            },
        )


def judge_dtype(dtype: str, what: str, name: str) -> None:
    """A Param's numbers must be float32 (float64, where a NumPy array holds them, computes the same)."""
    if dtype in ("float32", "float64"):
        return
    mistake = (
        Mistake(
            f"{name}-integer-dtype",
            f"the {name} was created with an integer dtype; create it with a float one (float32).",
        )
        if "int" in dtype or dtype == "bool"
        else Mistake(
            f"{name}-not-float32",
            f"the {name} was created in {dtype}; create it in float32, the default.",
        )
    )
    raise CheckFailed(f"{what}: expected float32 numbers, got {dtype}.{hint(mistake)}")


def kernel_shape_mistake(got: tuple[int, ...], sizes: tuple[int, int, int, int]) -> Mistake:
    """What a wrong kernel shape says about how it was made."""
    cin, cout, kh, kw = sizes
    if got == (cout, cin, kh, kw):
        return Mistake(
            "kernel-in-torch-layout",
            "you used PyTorch's (out, in, kh, kw) layout; JAX kernels are HWIO: (kernel_h, kernel_w, in, out).",
        )
    if got == (kw, kh, cin, cout):
        return Mistake(
            "kernel-hw-swapped",
            "kernel_h and kernel_w are swapped: the kernel is HWIO, (kernel_h, kernel_w, in_features, out_features).",
        )
    return Mistake(
        "kernel-not-hwio",
        "the kernel's shape is not HWIO: it must be (kernel_h, kernel_w, in_features, out_features).",
    )


def judge_stride(held: dict[str, Any], stride: int, what: str) -> None:
    """The stride must stay the plain int it was given: a static setting, not a Variable or an array."""
    found = held["kind"]
    if found == "missing":
        elsewhere = Mistake(
            "stride-missing",
            "it is stored under another name, or not at all; store it as self.stride = stride.",
        )
        raise CheckFailed(f"{what} has no attribute stride.{hint(elsewhere)}")
    if found.startswith("nnx."):
        mistake = Mistake(
            "stride-as-variable",
            "the stride is a setting, not a parameter: store the plain int, self.stride = stride.",
        )
    elif found != "int":
        mistake = Mistake(
            "stride-not-int",
            f"the stride was stored as {_an(found)}; store the plain Python int: self.stride = stride.",
        )
    elif held["value"] != stride:
        mistake = Mistake(
            "wrong-stride-stored", "store the stride you were given: self.stride = stride."
        )
    else:
        return
    got = held["value"] if found == "int" else _an(found)
    raise CheckFailed(f"{what}.stride should be the plain int {stride}, got {got}.{hint(mistake)}")


def kernel_mistakes(
    sizes: tuple[int, int, int, int], seed: int
) -> dict[Mistake, Callable[[], Any]]:
    """Kernels that known wrong initialisations draw for these sizes (in, out, kernel_h, kernel_w), by mistake."""
    cin, cout, kh, kw = sizes
    shape = (kh, kw, cin, cout)

    def second_key() -> jax.Array:
        rngs = nnx.Rngs(seed)
        rngs.params()
        return library_kernel(sizes, rngs)

    return {
        Mistake(
            "fixed-key-zero",
            "the kernel was drawn from a fixed jax.random.key(0) (or PRNGKey(0)); draw it with rngs.params()",
        ): lambda: nnx.initializers.lecun_normal()(jax.random.key(0), shape),
        Mistake(
            "key-from-seed-directly",
            "the kernel was drawn from jax.random.key(seed) directly; draw it with rngs.params()",
        ): lambda: nnx.initializers.lecun_normal()(jax.random.key(seed), shape),
        Mistake(
            "new-rngs-zero",
            "the kernel was drawn from a new nnx.Rngs(0); draw it from the rngs passed in, with rngs.params()",
        ): lambda: library_kernel(sizes, nnx.Rngs(0)),
        Mistake(
            "kernel-got-second-key",
            "the kernel got the second key: create it first, with the first rngs.params() call",
        ): second_key,
        Mistake(
            "glorot-normal-init",
            "nnx.initializers.glorot_normal() instead of nnx.initializers.lecun_normal()",
        ): lambda: library_kernel(
            sizes, nnx.Rngs(seed), kernel_init=nnx.initializers.glorot_normal()
        ),
        Mistake(
            "standard-normal-init", "jax.random.normal instead of nnx.initializers.lecun_normal()"
        ): lambda: library_kernel(sizes, nnx.Rngs(seed), kernel_init=nnx.initializers.normal(1.0)),
        Mistake(
            "drawn-in-torch-layout",
            "the kernel was drawn in PyTorch's (out, in, kh, kw) layout and then transposed",
        ): lambda: library_kernel((kh, kw, cout, cin), nnx.Rngs(seed)).transpose(2, 3, 1, 0),
    }


def output_mistakes(
    x: jax.Array, kernel: jax.Array, bias: jax.Array, s: int
) -> dict[Mistake, Callable[[], Any]]:
    """Outputs of known wrong layers on x, by the mistake that produces them."""
    return {
        Mistake(
            "stride-ignored", "the stride is stored but never used: this is the stride-1 output"
        ): lambda: library_conv(x, kernel, bias, (1, 1)),
        Mistake(
            "stride-on-height-only",
            "the stride is applied to the height only; use window_strides=(stride, stride)",
        ): lambda: library_conv(x, kernel, bias, (s, 1)),
        Mistake(
            "stride-on-width-only",
            "the stride is applied to the width only; use window_strides=(stride, stride)",
        ): lambda: library_conv(x, kernel, bias, (1, s)),
        Mistake("bias-not-added", "the bias is never added"): lambda: library_conv(
            x, kernel, jnp.zeros_like(bias), (s, s)
        ),
        Mistake("valid-instead-of-same", 'padding "VALID" instead of "SAME"'): lambda: library_conv(
            x, kernel, bias, (s, s), "VALID"
        ),
        Mistake(
            "kernel-flipped", "the kernel is flipped (a true convolution, not a cross-correlation)"
        ): lambda: library_conv(x, kernel[::-1, ::-1], bias, (s, s)),
        Mistake("kernel-hw-swapped", "the kernel's height and width axes are swapped"): lambda: (
            library_conv(x, kernel.transpose(1, 0, 2, 3), bias, (s, s))
        ),
    }


class Conv2dForward(Exercise):
    """conv2d_forward(seed, x, features, kernel_h, kernel_w, stride): numbers arrive as floats."""

    name = "conv2d_forward"
    uses = ("MyConv2D",)
    forbidden = CONVOLUTION_LAYER
    error_hints = ERROR_HINTS
    numbers = ("seed", "features", "kernel_h", "kernel_w", "stride")
    visible = (
        {
            "seed": 3.0,
            "x": (5, 6, 2),
            "features": 3.0,
            "kernel_h": 3.0,
            "kernel_w": 2.0,
            "stride": 2.0,
        },
    )

    def inputs(self, case: dict[str, Any]) -> dict[str, Any]:
        """The arguments in order: x is a JAX array (a NumPy one for `"x_type": "numpy"`), the numbers floats."""
        x = random_array(np.random.default_rng(int(case["seed"]) + 100), tuple(case["x"]))
        args = {name: float(case[name]) for name in self.numbers}
        return {
            "seed": args.pop("seed"),
            "x": x if case.get("x_type") == "numpy" else jnp.asarray(x),
            **args,
        }

    def calls(self, case: dict[str, Any]) -> list[Call]:
        """One call, positional."""
        args = self.inputs(case)
        return [Call("forward", lambda answer: answer(*args.values()), {"x": args["x"]})]

    def describe(self, case: dict[str, Any], label: str) -> str:
        """E.g. "conv2d_forward(3.0, x (5, 6, 2), 3.0, 3.0, 2.0, 2.0)"."""
        args = self.inputs(case)
        x = f"x {tuple(case['x'])}{' NumPy array' if case.get('x_type') == 'numpy' else ''}"
        return f"conv2d_forward({args['seed']!r}, {x}, {', '.join(repr(args[n]) for n in self.numbers[1:])})"

    def library_output(self, case: dict[str, Any], **changes: Any) -> jax.Array:
        """nnx.Conv built from the case's numbers (`changes` replace some: seed, size, strides), applied to x."""
        seed, f, kh, kw, s = (int(case[name]) for name in self.numbers)
        x = self.inputs(case)["x"]
        built = {"seed": seed, "size": (kh, kw), "strides": s, **changes}
        conv = nnx.Conv(
            np.shape(x)[-1],
            f,
            built["size"],
            strides=built["strides"],
            padding="SAME",
            rngs=nnx.Rngs(built["seed"]),
        )
        return conv(jnp.asarray(x))

    def prepare(self) -> None:
        """nnx.Conv's output on each visible case, as judging a right answer computes it, and the outputs of the
        known mistakes, as judging a wrong one does."""
        for case in self.visible:
            compute_candidates(self.mistakes(case, self.library_output(case)))

    def mistakes(self, case: dict[str, Any], expected: jax.Array) -> dict[Mistake, Any]:
        """Known mistakes and the flattened outputs they give for a case whose right output, before flattening, is
        `expected` (functions computing them)."""
        kh, kw = int(case["kernel_h"]), int(case["kernel_w"])

        def layer_output(**changes: Any) -> jax.Array:
            return self.library_output(case, **changes)

        return {
            Mistake(
                "stride-ignored",
                "this is the stride-1 output: pass int(stride) on to MyConv2D (and make sure MyConv2D uses it)",
            ): lambda: layer_output(strides=1).reshape(-1),
            Mistake("seed-ignored", "the seed was not used: build nnx.Rngs(int(seed))"): lambda: (
                layer_output(seed=0).reshape(-1)
            ),
            Mistake(
                "kernel-hw-swapped",
                "kernel_h and kernel_w are swapped: MyConv2D takes kernel_h first",
            ): lambda: layer_output(size=(kw, kh)).reshape(-1),
            Mistake(
                "flattened-channels-first",
                "the output was flattened channels first: flatten the (H, W, "
                "features) output as it is, with .reshape(-1)",
            ): lambda: jnp.moveaxis(expected, -1, 0).reshape(-1),
            Mistake(
                "flattened-column-major",
                "the output was flattened in column-major (Fortran) order: use "
                ".reshape(-1), which keeps row-major order",
            ): lambda: expected.transpose().reshape(-1),
        }

    def judge_value(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """Compare with nnx.Conv built from nnx.Rngs(seed), applied and flattened; name the likely mistake."""
        expected = self.library_output(case)
        check_close(
            value,
            expected.reshape(-1),
            what,
            self.mistakes(case, expected),
            {
                tuple(expected.shape): Mistake(
                    "output-not-flattened",
                    "the output is not flattened: return it with .reshape(-1)",
                )
            },
        )


MY_CONV2D, CONV2D_FORWARD = MyConv2DLayer(), Conv2dForward()
EXERCISES = ExerciseSet(MY_CONV2D, CONV2D_FORWARD)

__all__ = ["EXERCISES"]
