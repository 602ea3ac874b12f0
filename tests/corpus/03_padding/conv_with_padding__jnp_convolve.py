# kind: wrong
# feedback: Likely mistake: the kernel is flipped (jnp.convolve does that)
def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    return jnp.convolve(jnp.asarray(x), jnp.asarray(kernel), mode="same" if padding_mode == 1.0 else "valid")
