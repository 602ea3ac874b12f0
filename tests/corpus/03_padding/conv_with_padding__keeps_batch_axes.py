# kind: wrong
# feedback: return a 1-D array
# hint: the batch and channel axes are still there
def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    padding = "SAME" if padding_mode == 1.0 else "VALID"
    lhs = jnp.asarray(x)[None, None, :]
    rhs = jnp.asarray(kernel)[None, None, :]
    return jax.lax.conv_general_dilated(lhs, rhs, (1,), padding)
