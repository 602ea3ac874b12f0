# kind: wrong
# feedback: "SAME" puts the odd padding cell at the end
def maxpool2d_jax(x, window, stride, padding):
    def pair(v):
        return (v, v) if isinstance(v, int) else tuple(v)

    (kh, kw), (sh, sw) = pair(window), pair(stride)
    pads = []
    for size, k, s in ((x.shape[0], kh, sh), (x.shape[1], kw, sw)):
        if padding == "SAME":
            total = max((-(-size // s) - 1) * s + k - size, 0)
            pads.append((total - total // 2, total // 2))  # odd cell at the start, as in PyTorch habits
        else:
            pads.append((0, 0))
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (kh, kw, 1), (sh, sw, 1), (*pads, (0, 0)))
