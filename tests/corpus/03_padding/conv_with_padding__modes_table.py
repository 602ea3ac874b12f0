# kind: correct
MODES = ("VALID", "SAME")


def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    mode = MODES[round(float(padding_mode))]
    lhs = jnp.asarray(x, dtype=jnp.float32)[jnp.newaxis, jnp.newaxis]
    rhs = jnp.asarray(kernel, dtype=jnp.float32)[jnp.newaxis, jnp.newaxis]
    return jax.lax.conv_general_dilated(lhs, rhs, window_strides=[1], padding=mode,
                                        dimension_numbers=("NCH", "OIH", "NCH"))[0, 0]
