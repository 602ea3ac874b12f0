# kind: wrong
# feedback: could not be broadcast together
# hint: reduce_window needs a window and a stride entry for every axis of x
def maxpool2d_jax(x, window, stride, padding):
    """Max-pool x (H, W, C) per channel with lax.reduce_window."""
    window = (window, window) if isinstance(window, int) else tuple(window)
    stride = (stride, stride) if isinstance(stride, int) else tuple(stride)
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, window, stride, padding)
