# kind: correct
import functools


@functools.partial(jax.jit, static_argnums=(1, 2, 3))
def pool_hw(x, window, stride, padding):
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (*window, 1), (*stride, 1), padding)


def maxpool2d_jax(x, window, stride, padding):
    as_pair = lambda v: (v, v) if isinstance(v, int) else tuple(v)
    return pool_hw(x, as_pair(window), as_pair(stride), padding)
