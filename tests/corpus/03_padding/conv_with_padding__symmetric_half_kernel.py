# kind: wrong
# feedback: SAME gives L = 9 values for L=9, K=2
# hint: padded K // 2 on both sides
def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    half = len(kernel) // 2
    pads = [(half, half)] if padding_mode == 1.0 else [(0, 0)]
    lhs = jnp.asarray(x)[None, None, :]
    rhs = jnp.asarray(kernel)[None, None, :]
    return jax.lax.conv_general_dilated(lhs, rhs, (1,), pads)[0, 0]
