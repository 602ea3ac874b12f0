# kind: correct
def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    signal, taps = jnp.atleast_1d(jnp.asarray(x)), jnp.atleast_1d(jnp.asarray(kernel))
    mode = "SAME" if padding_mode else "VALID"
    pads = jax.lax.padtype_to_pads(signal.shape, taps.shape, (1,), mode)
    out = jax.lax.conv_with_general_padding(signal[None, None], taps[None, None], (1,), pads, None, None)
    return out.squeeze((0, 1))
