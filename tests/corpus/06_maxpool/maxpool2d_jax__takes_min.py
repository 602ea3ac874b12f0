# kind: wrong
# feedback: took the minimum, not the maximum
def maxpool2d_jax(x, window, stride, padding):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (sh, sw) = pair(window), pair(stride)
    return jax.lax.reduce_window(x, jnp.inf, jax.lax.min, (kh, kw, 1), (sh, sw, 1), padding)
