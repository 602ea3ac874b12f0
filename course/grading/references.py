"""Grader-only references: for exercises whose library reference would itself be an allowed answer, or an answer.

`same_padding` may call `jax.lax.padtype_to_pads`, `conv_with_padding` may use any library, and
`force_pair` has no library function but its answer, so their references cannot travel in a student
notebook. Exercises name them by `trusted_reference`; this module is imported only where the grader
(or an instructor's source notebook) judges hidden tests. It is never embedded in a notebook:
`make release` embeds only what notebooks import.
"""

import jax
import jax.numpy as jnp
import numpy as np


def force_pair(v: object) -> tuple[int, int]:
    """(v, v) for an int, the pair itself for a tuple of two ints; ValueError for anything else."""
    if isinstance(v, tuple) and len(v) == 2 and all(type(item) is int for item in v):
        return v[0], v[1]
    if type(v) is int:
        return v, v
    raise ValueError(f"expected an int or a pair of ints, got {v!r}")


def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """The (low, high) pads that jax.lax's "SAME" applies to one axis."""
    ((low, high),) = jax.lax.padtype_to_pads((size,), (kernel,), (stride,), "SAME")
    return int(low), int(high)


def conv_with_padding(x: np.ndarray, kernel: np.ndarray, padding_mode: float) -> np.ndarray:
    """1-D cross-correlation with conv_general_dilated, stride 1, full float32 precision: 0.0 VALID, 1.0 SAME."""
    lhs = jnp.asarray(np.asarray(x), jnp.float32)[None, None, :]
    rhs = jnp.asarray(np.asarray(kernel), jnp.float32)[None, None, :]
    padding = "SAME" if padding_mode == 1.0 else "VALID"
    out = jax.lax.conv_general_dilated(lhs, rhs, (1,), padding, precision=jax.lax.Precision.HIGHEST)
    return np.asarray(out[0, 0])
