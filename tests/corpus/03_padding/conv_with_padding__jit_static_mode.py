# kind: correct
import functools


@functools.partial(jax.jit, static_argnums=2)
def correlate(signal: jax.Array, taps: jax.Array, padding: str) -> jax.Array:
    out = jax.lax.conv_general_dilated(signal[None, None], taps[None, None], (1,), padding)
    return out[0, 0]


def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    return correlate(jnp.asarray(x), jnp.asarray(kernel), "SAME" if padding_mode == 1.0 else "VALID")
