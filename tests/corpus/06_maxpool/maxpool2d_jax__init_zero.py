# kind: wrong
# feedback: init_value 0 instead of -jnp.inf
def maxpool2d_jax(x, window, stride, padding):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (sh, sw) = pair(window), pair(stride)
    return jax.lax.reduce_window(x, 0.0, jax.lax.max, (kh, kw, 1), (sh, sw, 1), padding)
