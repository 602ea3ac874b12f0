# kind: wrong
# feedback: "SAME" padding lost its odd padding cell
def maxpool2d_jax(x, window, stride, padding):
    kh, kw = (window, window) if isinstance(window, int) else window
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    pads = []
    for size, k, s in ((x.shape[0], kh, sh), (x.shape[1], kw, sw)):
        total = max((-(-size // s) - 1) * s + k - size, 0) if padding == "SAME" else 0
        pads.append((total // 2, total // 2))  # the same on both sides
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (kh, kw, 1), (sh, sw, 1), (*pads, (0, 0)))
