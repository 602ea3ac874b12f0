# kind: correct
def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    signal, taps = np.asarray(x, dtype=np.float64), np.asarray(kernel, dtype=np.float64)
    if padding_mode == 1.0:
        low = (len(taps) - 1) // 2
        signal = np.pad(signal, (low, len(taps) - 1 - low))
    return jnp.asarray(np.correlate(signal, taps, mode="valid"), dtype=jnp.float32)
