# kind: wrong
# feedback: height and width of the window are swapped
def maxpool2d_jax(x, window, stride, padding):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (sh, sw) = pair(window), pair(stride)
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (kw, kh, 1), (sh, sw, 1), padding)
