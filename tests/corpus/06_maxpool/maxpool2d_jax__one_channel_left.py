# kind: wrong
# feedback: pooled across channels too (one output channel left)
def maxpool2d_jax(x, window, stride, padding):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (sh, sw) = pair(window), pair(stride)
    pooled = jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (kh, kw, 1), (sh, sw, 1), padding)
    return pooled.max(axis=-1, keepdims=True)
