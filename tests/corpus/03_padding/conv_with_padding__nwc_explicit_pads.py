# kind: correct
def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    K = len(kernel)
    pads = [((K - 1) // 2, (K - 1) - (K - 1) // 2)] if int(padding_mode) == 1 else [(0, 0)]
    lhs = jnp.asarray(x).reshape(1, -1, 1)
    rhs = jnp.asarray(kernel).reshape(-1, 1, 1)
    out = jax.lax.conv_general_dilated(lhs, rhs, (1,), pads, dimension_numbers=("NWC", "WIO", "NWC"))
    return out.reshape(-1)
