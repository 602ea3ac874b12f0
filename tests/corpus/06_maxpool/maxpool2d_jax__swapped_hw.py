# kind: wrong
# feedback: height and width are swapped in window and stride
def maxpool2d_jax(x, window, stride, padding):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (sh, sw) = pair(window), pair(stride)
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (kw, kh, 1), (sw, sh, 1), padding)
