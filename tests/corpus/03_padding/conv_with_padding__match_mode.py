# kind: correct
from __future__ import annotations


def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    match float(padding_mode):
        case 0.0:
            padding: str = "VALID"
        case 1.0:
            padding = "SAME"
        case other:
            raise ValueError(f"padding_mode must be 0.0 or 1.0, not {other}")
    lhs = jnp.reshape(jnp.asarray(x), (1, 1, -1))
    rhs = jnp.reshape(jnp.asarray(kernel), (1, 1, -1))
    return jnp.ravel(jax.lax.conv_general_dilated(lhs, rhs, (1,), padding))
