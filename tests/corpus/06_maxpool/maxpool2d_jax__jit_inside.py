# kind: correct
def maxpool2d_jax(x, window, stride, padding):
    window = [window] * 2 if isinstance(window, int) else list(window)
    stride = [stride] * 2 if isinstance(stride, int) else list(stride)
    pool = jax.jit(lambda image: jax.lax.reduce_window(image, -jnp.inf, jax.lax.max, (*window, 1), (*stride, 1),
                                                       padding))
    return pool(x)
