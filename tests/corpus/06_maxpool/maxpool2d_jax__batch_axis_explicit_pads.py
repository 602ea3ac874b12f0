# kind: correct
def maxpool2d_jax(x, window, stride, padding):
    kh, kw = (window, window) if jnp.ndim(window) == 0 else window
    sh, sw = (stride, stride) if jnp.ndim(stride) == 0 else stride
    pads = jax.lax.padtype_to_pads(x.shape[:2], (kh, kw), (sh, sw), padding)
    y = jax.lax.reduce_window(x[None], -jnp.inf, jax.lax.max, (1, kh, kw, 1), (1, sh, sw, 1),
                              ((0, 0), *pads, (0, 0)))
    return y[0]
