# kind: correct
from einops import rearrange


def maxpool2d_jax(x, window, stride, padding):
    kh, kw = (window, window) if isinstance(window, int) else window
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    planes = rearrange(x, "h w c -> c h w")
    pooled = jax.lax.reduce_window(planes, -jnp.inf, jax.lax.max, (1, kh, kw), (1, sh, sw), padding)
    return rearrange(pooled, "c h w -> h w c")
