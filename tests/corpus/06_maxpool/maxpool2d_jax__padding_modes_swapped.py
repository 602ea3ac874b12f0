# kind: wrong
# feedback: was treated as
def maxpool2d_jax(x, window, stride, padding):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (sh, sw) = pair(window), pair(stride)
    other = {"SAME": "VALID", "VALID": "SAME"}[padding]
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (kh, kw, 1), (sh, sw, 1), other)
