# kind: correct
from functools import partial


def maxpool2d_jax(x, window, stride, padding):
    window = tuple(window) if isinstance(window, (tuple, list)) else (window, window)
    stride = tuple(stride) if isinstance(stride, (tuple, list)) else (stride, stride)
    pool_one = partial(jax.lax.reduce_window, init_value=-jnp.inf, computation=jax.lax.max,
                       window_dimensions=window, window_strides=stride, padding=padding)
    return jax.vmap(pool_one, in_axes=2, out_axes=2)(x)
