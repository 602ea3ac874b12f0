# kind: wrong
# feedback: the result keeps a batch axis of size 1
def maxpool2d_jax(x, window, stride, padding):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (sh, sw) = pair(window), pair(stride)
    batch = x[None]  # (1, H, W, C), as flax's layers expect
    return jax.lax.reduce_window(batch, -jnp.inf, jax.lax.max, (1, kh, kw, 1), (1, sh, sw, 1), padding)
