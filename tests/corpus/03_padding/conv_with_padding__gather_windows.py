# kind: correct
def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    signal, taps = jnp.asarray(x), jnp.asarray(kernel)
    k = taps.shape[0]
    if padding_mode == 1.0:
        signal = jnp.concatenate([jnp.zeros((k - 1) // 2), signal, jnp.zeros(k - 1 - (k - 1) // 2)])
    count = signal.shape[0] - k + 1
    index = jnp.arange(count)[:, None] + jnp.arange(k)[None, :]
    return signal[index] @ taps
