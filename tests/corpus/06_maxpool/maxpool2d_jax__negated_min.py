# kind: correct
def maxpool2d_jax(x, window, stride, padding):
    """max(x) = -min(-x): a min reduction of -x, padded with +inf, negated back."""
    kh, kw = (window, window) if isinstance(window, int) else window
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    smallest = jax.lax.reduce_window(-x, jnp.inf, jax.lax.min, (kh, kw, 1), (sh, sw, 1), padding)
    return -smallest
