# kind: wrong
# feedback: the stride is ignored (stride 1)
def maxpool2d_jax(x, window, stride, padding):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (sh, sw) = pair(window), pair(stride)
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (kh, kw, 1), (1, 1, 1), padding)
