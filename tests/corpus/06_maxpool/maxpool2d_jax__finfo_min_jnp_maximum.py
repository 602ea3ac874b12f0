# kind: correct
def maxpool2d_jax(x, window, stride, padding):
    if isinstance(window, int):
        window = [window, window]
    if isinstance(stride, int):
        stride = [stride, stride]
    lowest = jnp.finfo(x.dtype).min  # never beats a real value, like -inf
    return jax.lax.reduce_window(x, lowest, jnp.maximum, [*window, 1], [*stride, 1], padding.upper())
