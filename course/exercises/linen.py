"""Exercises on a Flax Linen convolution layer: the layer class, and a function that builds, initialises and applies it.

`flax.linen.Conv` is the reference for both; it, and every other library's convolution but
`jax.lax.conv_general_dilated`, the building block both ask for, is forbidden in both. A layer is judged in three
steps, each its own call and message: its parameter shapes (`jax.eval_shape` of `init`), its
initial values, and its output for given random parameters with a non-zero bias.

`make release` copies this module, and the course modules it imports, into every student notebook.
"""

import dataclasses
from collections.abc import Mapping
from typing import Any

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np

from course.exercises.tensors import random_tensor
from course.judging.checks import CheckFailed, Mistake, check_close, check_equal
from course.judging.exercise import Call, Exercise, compute_candidates
from course.judging.forbidden import CONVOLUTION_LAYER

BIAS_SHIFT = 0.5
APPLY_HINTS = {
    "should be a dictionary of collections": Mistake(
        "applied-with-params-only",
        "apply takes the whole variables dict that init returned "
        '({"params": ...}), not variables["params"].',
    ),
}
SIZE_HINTS = {
    "PRNG key seed must be an integer": Mistake(
        "seed-not-cast-to-int",
        "the seed is a float: make the key with jax.random.PRNGKey(int(seed)).",
    ),
    "must be 1D sequences of concrete values of integer type": Mistake(
        "size-not-cast-to-int", "a shape holds a float: cast the sizes with int()."
    ),
    "cannot be interpreted as an integer": Mistake(
        "size-not-cast-to-int",
        "a size or the stride is still a float: cast each number with int() "
        "before you build the layer.",
    ),
}


def random_array(rng: np.random.Generator, shape: tuple[int, ...]) -> jax.Array:
    """A float32 JAX array of `shape` drawn from `rng`, with negative values."""
    return jnp.asarray(random_tensor(rng, shape, "float32").numpy())


def shapes_of(tree: Any) -> Any:
    """The shapes in a variables tree (of arrays or shape structs), as nested dicts of tuples."""
    if isinstance(tree, Mapping):
        return {str(name): shapes_of(value) for name, value in tree.items()}
    return tuple(int(size) for size in np.shape(tree))


def field_names(module_class: Any) -> list[str]:
    """The fields a Linen module class declares, in order (without Linen's own `parent` and `name`)."""
    return [
        field.name
        for field in dataclasses.fields(module_class)
        if field.name not in ("parent", "name")
    ]


def parameter_keys(key: jax.Array) -> tuple[jax.Array, jax.Array]:
    """The random keys Linen gives the first and the second parameter a module creates from `key`.

    They are what nn.Conv's kernel and bias initialisers receive."""
    keys = []

    def record(
        parameter_key: jax.Array, shape: tuple[int, ...], dtype: Any = jnp.float32
    ) -> jax.Array:
        keys.append(parameter_key)
        return jnp.zeros(shape, dtype)

    nn.Conv(1, (1,), kernel_init=record, bias_init=record).init(key, jnp.zeros((1, 1)))
    return keys[0], keys[1]


def numpy_conv(x: Any, kernel: Any, bias: Any, strides: Any, padding: Any) -> np.ndarray:
    """What flax.linen.Conv computes for one unbatched input, in NumPy float64.

    `x` is (*spatial, C_in), `kernel` (*window, C_in, C_out); `strides` an int or one per axis;
    `padding` "SAME", "SAME_LOWER", "VALID" or a (low, high) pair per axis.
    """
    x, kernel = np.asarray(x, np.float64), np.asarray(kernel, np.float64)
    axes = x.ndim - 1
    window = kernel.shape[:axes]
    steps = (strides,) * axes if isinstance(strides, int) else tuple(strides)
    pads = (
        jax.lax.padtype_to_pads(x.shape[:axes], window, steps, padding)
        if isinstance(padding, str)
        else padding
    )
    padded = np.pad(x, [*map(tuple, pads), (0, 0)])
    views = np.lib.stride_tricks.sliding_window_view(padded, window, axis=tuple(range(axes)))
    views = views[tuple(slice(None, None, step) for step in steps)]  # (*out, C_in, *window)
    out = np.tensordot(
        views, kernel, axes=([axes, *range(axes + 1, 2 * axes + 1)], [axes, *range(axes)])
    )
    return out + np.asarray(bias, np.float64)


class LinenLayer(Exercise):
    """A Linen convolution layer class, built positionally from the case's `fields` and called on one input `x`.

    A case gives the shape of `x`, the value of every field and a `seed` (the init key, and the
    input and random parameters drawn from it). Subclasses describe the layer: its kernel shape,
    the `flax.linen.Conv` that computes the same thing, and their own known mistakes.
    """

    fields: tuple[str, ...] = ()
    forbidden = CONVOLUTION_LAYER
    checked_call_by_call = True
    kernel_layout = ""  # e.g. "(kernel_size, C_in, features)"
    dimension_numbers = ""  # e.g. '("NWC", "WIO", "NWC")'

    @property
    def error_hints(self) -> dict[str, Mistake]:  # type: ignore[override]  # a layer's hints name its layouts
        """Known errors an answer raises, and their likely mistakes."""
        return {
            **SIZE_HINTS,
            "ndim to be equal": Mistake(
                "batch-axis-missing",
                "conv_general_dilated needs a batch axis: call it on x[None] and take [0] of "
                "the result.",
            ),
            "must equal the rhs input feature dimension size": Mistake(
                "kernel-axes-mismatch-dimension-numbers",
                f"the kernel's axes do not match dimension_numbers: "
                f"the kernel is {self.kernel_layout} and the triple is {self.dimension_numbers}.",
            ),
            "window_strides must have the same number of dimensions": Mistake(
                "strides-per-axis-missing",
                "window_strides needs one stride per spatial axis of the kernel.",
            ),
        }

    def kernel_shape(self, *args: Any, **kwargs: Any) -> tuple[int, ...]:
        """The shape the kernel must have for `c_in` input channels."""
        raise NotImplementedError

    def library_layer(self, fields: dict[str, int], **options: Any) -> nn.Module:
        """The flax.linen.Conv computing what the layer with these fields computes; `options` change its settings."""
        raise NotImplementedError

    def kernel_hints(self, *args: Any, **kwargs: Any) -> dict[tuple[int, ...], Mistake]:
        """Wrong kernel shapes and the mistakes that give them."""
        return {}

    def output_mistakes(
        self, convolve: Any, kernel: jax.Array, fields: dict[str, int]
    ) -> dict[Mistake, Any]:
        """This layer's own known mistakes: `convolve(kernel=..., bias=..., **options)` computes each one's output."""
        return {}

    def output_shape_hints(self, *args: Any, **kwargs: Any) -> dict[tuple[int, ...], Mistake]:
        """This layer's own wrong output shapes and the mistakes that give them."""
        return {}

    def case_fields(self, case: dict[str, Any]) -> dict[str, int]:
        """The fields' values of a case, in declaration order."""
        return {name: case[name] for name in self.fields}

    def data(self, case: dict[str, Any]) -> tuple[jax.Array, dict[str, jax.Array]]:
        """The input and the random parameters (with a non-zero bias) of a case, drawn from its seed."""
        rng, fields = np.random.default_rng(case["seed"]), self.case_fields(case)
        x = random_array(rng, tuple(case["x"]))
        kernel = random_array(rng, self.kernel_shape(x.shape[-1], **fields))
        bias = random_array(rng, (fields["features"],)) + BIAS_SHIFT
        return x, {"kernel": kernel, "bias": bias}

    def prepare(self) -> None:
        """Initialise and apply flax.linen.Conv on each visible case, as judging a right answer does, and draw
        the kernels of the known wrong initialisations, as judging a wrong one does."""
        for case in self.visible:
            x, _ = self.data(case)
            layer = self.library_layer(self.case_fields(case))
            layer.apply(layer.init(jax.random.PRNGKey(case["seed"]), x), x)
            compute_candidates(self.init_mistakes(case, x))

    def calls(self, case: dict[str, Any]) -> list[Call]:
        """Parameter shapes (with the declared fields, for hints), the variables after init, the output of apply."""
        x, params = self.data(case)
        key, values = jax.random.PRNGKey(case["seed"]), list(self.case_fields(case).values())

        def shapes(answer: Any) -> dict[str, Any]:
            return {
                "fields": field_names(answer),
                "shapes": shapes_of(jax.eval_shape(answer(*values).init, key, x)),
            }

        return [
            Call("shapes", shapes, {"x": x}),
            Call("init", lambda answer: answer(*values).init(key, x), {"x": x}),
            Call(
                "apply",
                lambda answer: answer(*values).apply({"params": params}, x),
                {"x": x, "params": params},
            ),
        ]

    def describe(self, case: dict[str, Any], label: str) -> str:
        """E.g. "MyConv1D(4, 3).init(PRNGKey(12), x (6, 2))"."""
        built = f"{self.name}({', '.join(map(repr, self.case_fields(case).values()))})"
        if label == "apply":
            return f"{built}.apply(random params with a non-zero bias, x {tuple(case['x'])})"
        return f"{built}.init(PRNGKey({case['seed']}), x {tuple(case['x'])})"

    def judge_value(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """Judge one step: the parameter tree, the initial values, or the output."""
        {"shapes": self.judge_shapes, "init": self.judge_init, "apply": self.judge_output}[
            call.label
        ](case, call, value, what)

    def judge_shapes(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """The variables must be exactly {"params": {"kernel": ..., "bias": (features,)}}."""
        fields, c_in = self.case_fields(case), tuple(case["x"])[-1]
        wanted = {
            "params": {"kernel": self.kernel_shape(c_in, **fields), "bias": (fields["features"],)}
        }
        if not (isinstance(value, dict) and set(value) == {"fields", "shapes"}):
            raise CheckFailed(f"{what}: the parameter shapes did not come back.")
        if value["shapes"] != wanted:
            check_equal(
                value["shapes"],
                wanted,
                f"{what}: parameter shapes",
                self.tree_hint(value["shapes"], value["fields"], case),
            )

    def tree_hint(self, shapes: Any, declared: Any, case: dict[str, Any]) -> Mistake:
        """The likely mistake behind a wrong parameter tree."""
        fields, c_in = self.case_fields(case), tuple(case["x"])[-1]
        params = shapes.get("params") if isinstance(shapes, dict) else None
        params = params if isinstance(params, dict) else {}
        order = list(self.fields)
        declared = declared[: len(order)] if isinstance(declared, list) else order
        if declared != order and sorted(declared) == sorted(order):
            positional = ", ".join(map(repr, fields.values()))
            keywords = ", ".join(f"{name}={value!r}" for name, value in fields.items())
            return Mistake(
                "fields-in-another-order",
                f"the fields are declared in another order than {', '.join(order)}, so {self.name}({positional}) "
                f"does not mean {self.name}({keywords}).",
            )
        if any(isinstance(item, dict) for item in params.values()):
            return Mistake(
                "params-in-submodule",
                f"the parameters sit in a submodule: create `kernel` and `bias` with self.param in {self.name} "
                f"itself.",
            )
        kernel, kernel_hints = params.get("kernel"), self.kernel_hints(c_in, **fields)
        if isinstance(kernel, tuple) and kernel in kernel_hints:
            return kernel_hints[kernel]
        if "bias" not in params:
            return Mistake("bias-missing", "there is no `bias` parameter of shape (features,).")
        if params["bias"] != (fields["features"],):
            return Mistake(
                "bias-wrong-shape",
                f"the bias has shape {params['bias']}; it holds one number per output feature: (features,).",
            )
        return Mistake(
            "wrong-parameters",
            f"create exactly two parameters with self.param in {self.name} itself: 'kernel' "
            f"{self.kernel_layout}, then 'bias' (features,).",
        )

    def init_mistakes(self, case: dict[str, Any], x: jax.Array) -> dict[Mistake, Any]:
        """The kernels known wrong initialisations draw for a case, by mistake (functions computing them)."""
        key = jax.random.PRNGKey(case["seed"])
        shape = self.kernel_shape(x.shape[-1], **self.case_fields(case))

        def initialised(initializer: Any, created: int = 0) -> Any:
            return lambda: initializer(parameter_keys(key)[created], shape)

        return {
            Mistake(
                "bias-created-first",
                "the bias was created before the kernel; create the kernel first (the order "
                "decides each parameter's random key)",
            ): initialised(nn.initializers.lecun_normal(), created=1),
            **{
                Mistake(
                    f"{name.replace('_', '-')}-init",
                    f"the kernel starts from {name}(); this exercise asks for lecun_normal()",
                ): initialised(getattr(nn.initializers, name)())
                for name in ("glorot_normal", "glorot_uniform")
            },
        }

    def judge_init(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """The kernel must be what lecun_normal() gives with the first key, the bias zeros."""
        fields, key = self.case_fields(case), jax.random.PRNGKey(case["seed"])
        reference = self.library_layer(fields).init(key, call.args["x"])["params"]
        params = value.get("params") if isinstance(value, dict) else None
        if not (isinstance(params, dict) and {"kernel", "bias"} <= set(params)):
            raise CheckFailed(f"{what}: the variables have no params 'kernel' and 'bias'.")
        check_close(
            params["kernel"],
            reference["kernel"],
            f"{what}: initial kernel (create it first, with lecun_normal())",
            self.init_mistakes(case, call.args["x"]),
        )
        zeros = np.zeros(fields["features"], np.float32)
        check_close(
            params["bias"],
            zeros,
            f"{what}: initial bias (zeros)",
            {
                Mistake(
                    "bias-starts-at-ones", "the bias starts at ones; use nn.initializers.zeros"
                ): zeros + 1
            },
        )

    def judge_output(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """The output must be what flax.linen.Conv gives with the same parameters.

        Known mistakes' outputs are computed in NumPy (`numpy_conv`): a wrong answer is told its
        likely mistake without JAX compiling a layer for each one.
        """
        fields, x, params = self.case_fields(case), call.args["x"], call.args["params"]
        expected = np.asarray(self.library_layer(fields).apply({"params": params}, x))

        def convolve(
            kernel: jax.Array = params["kernel"], bias: jax.Array = params["bias"], **options: Any
        ) -> np.ndarray:
            settings = {"strides": fields.get("stride", 1), "padding": "SAME", **options}
            return numpy_conv(x, kernel, bias, settings["strides"], settings["padding"])

        kernel, spatial = params["kernel"], len(tuple(case["x"])) - 1
        mistakes = {
            Mistake(
                "bias-not-added", "the bias is never added (invisible at init, where it is zero)"
            ): lambda: convolve(bias=jnp.zeros_like(params["bias"])),
            Mistake(
                "kernel-flipped",
                "the kernel is flipped: a true convolution instead of a cross-correlation",
            ): lambda: convolve(kernel=kernel[(slice(None, None, -1),) * spatial]),
            Mistake(
                "valid-instead-of-same", 'padding "VALID" (no padding) instead of "SAME"'
            ): lambda: convolve(padding="VALID"),
            **self.output_mistakes(convolve, kernel, fields),
            Mistake(
                "same-odd-cell-at-start",
                'the odd padding element is at the front; "SAME" puts it at the end',
            ): lambda: convolve(padding="SAME_LOWER"),
        }
        shape_hints = {
            (1, *expected.shape): Mistake(
                "batch-axis-kept", "the batch axis is still there: drop it with out[0]."
            ),
            **self.output_shape_hints(tuple(case["x"]), **fields),
        }
        check_close(value, expected, what, mistakes, shape_hints)


class LinenForward(Exercise):
    """A function `(seed, x, *sizes) -> 1-D array`: build the layer from floats cast to int, init, apply, flatten.

    A case gives the `seed` and sizes as the floats the answer receives, and the shape of `x`
    (drawn from the seed). The reference is the layer exercise's `flax.linen.Conv`.
    """

    layer: LinenLayer
    forbidden = CONVOLUTION_LAYER
    error_hints = {**SIZE_HINTS, **APPLY_HINTS}

    def inputs(self, case: dict[str, Any]) -> dict[str, Any]:
        """The answer's arguments, in order: seed, x, then the layer's fields."""
        x = random_array(np.random.default_rng(int(case["seed"])), tuple(case["x"]))
        return {"seed": case["seed"], "x": x, **{name: case[name] for name in self.layer.fields}}

    def library_forward(self, seed: int, x: jax.Array, **fields: int) -> Any:
        """The layer's output, unflattened, with flax.linen.Conv initialised from PRNGKey(seed)."""
        layer = self.layer.library_layer(fields)
        return layer.apply(layer.init(jax.random.PRNGKey(seed), x), x)

    def reference(self, seed: float, x: jax.Array, **sizes: float) -> jax.Array:
        return self.library_forward(
            int(seed), x, **{name: int(size) for name, size in sizes.items()}
        ).reshape(-1)

    def mistakes(self, seed: int, x: jax.Array, **fields: int) -> dict[Mistake, Any]:
        """This function's own known mistakes and their outputs (values, or functions computing them)."""
        return {}

    def prepare(self) -> None:
        """The reference output of each visible case, as judging a right answer computes it, and the outputs of
        the known mistakes, as judging a wrong one does."""
        for case in self.visible:
            self.expected(case)
            x = self.inputs(case)["x"]
            compute_candidates(self.forward_mistakes(case, x, self.unflattened(case, x)))

    def calls(self, case: dict[str, Any]) -> list[Call]:
        args = self.inputs(case)
        return [Call("forward", lambda answer: answer(*args.values()), args)]

    def describe(self, case: dict[str, Any], label: str) -> str:
        """E.g. "conv1d_forward(5.0, x (6, 2), 4.0, 3.0)"."""
        sizes = ", ".join(repr(case[name]) for name in self.layer.fields)
        return f"{self.name}({case['seed']!r}, x {tuple(case['x'])}, {sizes})"

    def seed_and_fields(self, case: dict[str, Any]) -> tuple[int, dict[str, int]]:
        """A case's seed and the layer's fields, cast to int as a right answer casts them."""
        return int(case["seed"]), {name: int(case[name]) for name in self.layer.fields}

    def unflattened(self, case: dict[str, Any], x: jax.Array) -> Any:
        """The library layer's output for a case, before flattening."""
        seed, fields = self.seed_and_fields(case)
        return self.library_forward(seed, x, **fields)

    def forward_mistakes(self, case: dict[str, Any], x: jax.Array, out: Any) -> dict[Mistake, Any]:
        """Known mistakes and the flattened outputs they give for a case whose unflattened output is `out`
        (values, or functions computing them)."""
        seed, fields = self.seed_and_fields(case)
        mistakes = {
            Mistake(
                "output-not-flattened",
                "the output is not flattened: return a 1-D array, e.g. out.reshape(-1)",
            ): out,
            Mistake(
                "flattened-column-major",
                "the output is flattened column by column; flatten row-major with .reshape(-1)",
            ): lambda: np.ravel(np.asarray(out), order="F"),
            **self.mistakes(seed, x, **fields),
        }
        if seed != 0:
            mistakes[
                Mistake(
                    "seed-ignored",
                    "the seed is ignored: the key must be jax.random.PRNGKey(int(seed))",
                )
            ] = lambda: self.library_forward(0, x, **fields).reshape(-1)
        return mistakes

    def judge_value(self, case: dict[str, Any], call: Call, value: Any, what: str) -> None:
        """Compare with flax.linen.Conv's flattened output; name the likely mistake."""
        out = self.unflattened(case, call.args["x"])
        shape_hints = {
            tuple(out.shape): Mistake(
                "output-not-flattened",
                "the output is not flattened: return a 1-D array, e.g. out.reshape(-1).",
            )
        }
        mistakes = self.forward_mistakes(case, call.args["x"], out)
        check_close(value, self.expected(case), what, mistakes, shape_hints)
