# kind: wrong
# feedback: window and stride may each be an int or an (h, w) tuple
def maxpool2d_jax(x, window, stride, padding):
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (window, window, 1), (stride, stride, 1), padding)
