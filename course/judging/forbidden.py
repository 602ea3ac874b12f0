"""The library operations exercises ask students to write themselves, as each framework offers them.

An exercise that re-implements an operation (a convolution, a matrix product, a trace, a padding, a
max pooling) forbids it from every library a solution can import: PyTorch, NumPy, JAX and Flax. An
`Operation` says where each framework keeps it, at the lowest level that framework has:

- `aten`: PyTorch's operators, by name in its dispatcher, in every namespace (aten::, quantized::, ...);
- `primitives`: JAX primitives, which every jax.numpy, jax.lax and Flax function binds;
- `python`: NumPy, JAX and Flax functions, classes and NumPy's array methods, which have no lower level
  to switch off;
- `source`: what has no switch at all: NumPy's `@` on its arrays, a C slot of theirs that only the
  operator reaches. A solution's source may not spell "@".

`course.kernel.switches` turns an operation off: for the length of a visible check, or for good in a
grading process. This module is plain data, shared by the student's kernel and the grader.
"""

from dataclasses import dataclass

# What a solution may import: the course's libraries and a few standard modules.
ALLOWED_IMPORTS = frozenset(
    {
        "torch",
        "numpy",
        "jax",
        "flax",
        "einops",
        "jaxtyping",
        "typing_extensions",
        "math",
        "itertools",
        "functools",
        "operator",
        "typing",
        "dataclasses",
        "collections",
        "numbers",
        "string",
        "__future__",
    }
)


@dataclass(frozen=True)
class Operation:
    """An operation as each framework offers it; `a | b` is both."""

    name: str
    aten: str = ""
    primitives: tuple[str, ...] = ()
    python: tuple[str, ...] = ()
    source: tuple[str, ...] = ()

    def __or__(self, other: "Operation") -> "Operation":
        return Operation(
            self.name,
            "|".join(pattern for pattern in (self.aten, other.aten) if pattern),
            self.primitives + other.primitives,
            self.python + other.python,
            self.source + other.source,
        )

    def __bool__(self) -> bool:
        return bool(self.aten or self.primitives or self.python or self.source)


def forbidden_message(exercise: str, shown: str) -> str:
    """What a student is told when `exercise` called `shown`."""
    return (
        f"{exercise} called {shown}, which this exercise asks you to write yourself. "
        f"Rewrite it without {shown}."
    )


NOTHING = Operation("nothing")

TORCH_CONVOLUTIONS = Operation("a convolution", aten=r"\w*conv(?!ert)\w*")
NUMPY_CONVOLUTIONS = Operation(
    "a convolution",
    python=(
        "numpy.convolve",
        "numpy.correlate",
        "numpy._core.multiarray.correlate",
        "numpy._core.multiarray.correlate2",
    ),
)
JAX_CONVOLUTION = Operation("a convolution", primitives=("conv_general_dilated",))
FLAX_CONVOLUTION_LAYERS = Operation(
    "a convolution layer",
    python=(
        "flax.linen.Conv",
        "flax.linen.ConvTranspose",
        "flax.linen.ConvLocal",
        "flax.nnx.Conv",
        "flax.nnx.ConvTranspose",
        "flax.nnx.ConvLocal",
    ),
)
# The PyTorch exercises that write a convolution: every library's convolution is off limits.
CONVOLUTION = TORCH_CONVOLUTIONS | NUMPY_CONVOLUTIONS | JAX_CONVOLUTION | FLAX_CONVOLUTION_LAYERS
# The Flax layers that wrap jax.lax.conv_general_dilated, the building block they ask for: every other convolution.
CONVOLUTION_LAYER = TORCH_CONVOLUTIONS | NUMPY_CONVOLUTIONS | FLAX_CONVOLUTION_LAYERS

# A convolution computes the same sums of products, so it counts as a matrix product too.
MATRIX_PRODUCT = (
    Operation(
        "a matrix product",
        aten=(
            r"_?(mm|bmm|mv|dot|vdot|inner|matmul|addmm|addmv|addbmm|baddbmm|einsum|tensordot|bilinear|trilinear"
            r"|chain_matmul|linear|smm|hspmm|sspaddmm)(_backward)?|linalg_(matmul|multi_dot|vecdot)|\w+_mm(_\w+)?"
            r"|_mm_\w+|_int_mm|_scaled_mm\w*|\w*grouped_mm\w*|_mixed_dtypes_linear|_weight_int\d+pack_mm\w*"
            r"|_dyn_quant_matmul\w*|_sparse\w*_(mm|matmul|linear|addmm)\w*|_cslt_sparse_mm\w*|sparse_sampled_addmm"
            r"|mkldnn_linear\w*|_mkl_linear|_linear_pointwise\w*|fbgemm_linear\w*|q?linear_\w*|int4mm\w*"
            r"|\w*attention\w*|_compute_linear_combination"
        ),
        primitives=("dot_general", "ragged_dot_general"),
        python=(
            "numpy.matmul",
            "numpy.dot",
            "numpy.vdot",
            "numpy.inner",
            "numpy.tensordot",
            "numpy.einsum",
            "numpy.vecdot",
            "numpy.matvec",
            "numpy.vecmat",
            "numpy.linalg.matmul",
            "numpy.linalg.vecdot",
            "numpy.linalg.tensordot",
            "numpy.linalg.multi_dot",
            "numpy._core.multiarray.c_einsum",
            "numpy.ndarray.dot",
            "numpy.ndarray.__matmul__",
            "numpy.ndarray.__rmatmul__",
            "numpy.ndarray.__imatmul__",
            "operator.matmul",
            "operator.imatmul",
        ),
        source=("@",),
    )
    | CONVOLUTION
)

# einsum takes a diagonal directly ("ii->"), and NumPy's and JAX's cannot be told apart from a sum.
TRACE = Operation(
    "a trace",
    aten=r"trace|diag|diagonal|diagonal_copy|linalg_diagonal",
    python=(
        "numpy.trace",
        "numpy.diagonal",
        "numpy.diag",
        "numpy.linalg.trace",
        "numpy.linalg.diagonal",
        "numpy.einsum",
        "numpy._core.multiarray.c_einsum",
        "jax.numpy.trace",
        "jax.numpy.diagonal",
        "jax.numpy.diag",
        "jax.numpy.linalg.trace",
        "jax.numpy.linalg.diagonal",
        "jax.numpy.einsum",
        "numpy.ndarray.trace",
        "numpy.ndarray.diagonal",
    ),
)

PADDING = Operation(
    "a padding",
    aten=r"pad|constant_pad_nd|_pad_enum|_pad_circular|(reflection|replication)_pad[123]d|pad_sequence",
    primitives=("pad",),
    python=("numpy.pad",),
)

TORCH_MAX_POOLING = Operation(
    "a max pooling",
    aten=(
        r"(quantized_|mkldnn_)?max_pool[123]d(_with_indices)?"
        r"|adaptive_max_pool[123]d(_with_indices)?|fractional_max_pool[23]d"
    ),
)
FLAX_MAX_POOLING = Operation(
    "a max pooling",
    python=(
        "flax.linen.max_pool",
        "flax.linen.pooling.pool",
        "flax.nnx.max_pool",
        "jax.example_libraries.stax.MaxPool",
    ),
)
# The PyTorch max pooling: every library's, JAX's reduce_window among them.
MAX_POOLING = (
    TORCH_MAX_POOLING
    | FLAX_MAX_POOLING
    | Operation("a max pooling", primitives=("reduce_window_max", "reduce_window"))
)
# The JAX max pooling, written with jax.lax.reduce_window: every other library's.
MAX_POOLING_LAYER = TORCH_MAX_POOLING | FLAX_MAX_POOLING
