# kind: correct
def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    lhs = jnp.expand_dims(jnp.asarray(x), (0, 1))
    rhs = jnp.expand_dims(jnp.asarray(kernel), (0, 1))
    out = jax.lax.conv(lhs, rhs, window_strides=(1,), padding="SAME" if padding_mode else "VALID")
    return jnp.squeeze(out, axis=(0, 1))
