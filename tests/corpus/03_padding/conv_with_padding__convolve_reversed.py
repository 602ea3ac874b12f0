# kind: wrong
# feedback: Likely mistake: the odd extra pad element is at the front
def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    taps = jnp.asarray(kernel)[::-1]  # convolve flips the kernel; flip it first to undo that
    return jnp.convolve(jnp.asarray(x), taps, mode="same" if padding_mode == 1.0 else "valid")
