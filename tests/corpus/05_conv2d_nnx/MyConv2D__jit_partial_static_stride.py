# kind: correct
from __future__ import annotations

import functools


@functools.partial(jax.jit, static_argnames=("stride",))
def conv_same(x: jax.Array, kernel: jax.Array, bias: jax.Array, stride: int) -> jax.Array:
    out = jax.lax.conv_general_dilated(x[jnp.newaxis], kernel, window_strides=(stride, stride), padding="SAME",
                                       dimension_numbers=("NHWC", "HWIO", "NHWC"))
    return out[0] + bias


class MyConv2D(nnx.Module):
    """A 2-D convolution (HWIO kernel, SAME padding, the same stride on both axes) as a Flax NNX module."""

    def __init__(self, in_features: int, out_features: int, kernel_h: int, kernel_w: int, stride: int, *,
                 rngs: nnx.Rngs) -> None:
        init = nnx.initializers.lecun_normal()
        self.kernel = nnx.Param(init(rngs.params(), (kernel_h, kernel_w, in_features, out_features)))
        self.bias = nnx.Param(jnp.zeros((out_features,), jnp.float32))
        self.stride: int = stride

    def __call__(self, x: jax.Array) -> jax.Array:
        return conv_same(x, self.kernel[...], self.bias[...], stride=self.stride)
