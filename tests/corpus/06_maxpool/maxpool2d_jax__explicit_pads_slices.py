# kind: correct
def maxpool2d_jax(x, window, stride, padding):
    kh, kw = (window, window) if isinstance(window, int) else window
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    (lo_h, hi_h), (lo_w, hi_w) = jax.lax.padtype_to_pads(x.shape[:2], (kh, kw), (sh, sw), padding)
    xp = jnp.pad(x, ((lo_h, hi_h), (lo_w, hi_w), (0, 0)), constant_values=-jnp.inf)
    oh, ow = (xp.shape[0] - kh) // sh + 1, (xp.shape[1] - kw) // sw + 1
    out = jnp.full((oh, ow, x.shape[2]), -jnp.inf, x.dtype)
    for i in range(kh):
        for j in range(kw):
            out = jnp.maximum(out, xp[i:i + (oh - 1) * sh + 1:sh, j:j + (ow - 1) * sw + 1:sw])
    return out
