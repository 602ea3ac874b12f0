# kind: wrong
# feedback: padded with zeros instead of -inf
def maxpool2d_jax(x, window, stride, padding):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (sh, sw) = pair(window), pair(stride)
    pads = jax.lax.padtype_to_pads(x.shape, (kh, kw, 1), (sh, sw, 1), padding)
    x = jnp.pad(x, pads)
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (kh, kw, 1), (sh, sw, 1), "VALID")
