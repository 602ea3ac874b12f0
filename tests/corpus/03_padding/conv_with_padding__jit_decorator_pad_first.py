# kind: correct
@jax.jit
def valid_correlation(signal, taps):
    return jax.lax.conv_general_dilated(signal[None, None, :], taps[None, None, :], (1,), "VALID")[0, 0]


def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    signal, taps = jnp.asarray(x), jnp.asarray(kernel)
    if padding_mode == 1.0:
        total = taps.shape[0] - 1
        signal = jnp.pad(signal, (total // 2, total - total // 2))
    return valid_correlation(signal, taps)
