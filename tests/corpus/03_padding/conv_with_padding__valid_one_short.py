# kind: wrong
# feedback: VALID gives L - K + 1 = 8 values
def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    signal, taps = jnp.asarray(x), jnp.asarray(kernel)
    if padding_mode == 1.0:
        low = (len(taps) - 1) // 2
        signal = jnp.pad(signal, (low, len(taps) - 1 - low))
    count = len(signal) - len(taps)
    return jnp.stack([jnp.sum(signal[i:i + len(taps)] * taps) for i in range(count)])
