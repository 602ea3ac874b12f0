# kind: wrong
# feedback: the output is channels-first
def maxpool2d_jax(x, window, stride, padding):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (sh, sw) = pair(window), pair(stride)
    # PyTorch habit: channels first
    pooled = jax.lax.reduce_window(jnp.moveaxis(x, -1, 0), -jnp.inf, jax.lax.max, (1, kh, kw), (1, sh, sw), padding)
    return pooled
