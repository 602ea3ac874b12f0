# kind: wrong
# python: 3.12
# feedback: typing.override is new in Python 3.12
from typing import override


class MyConv2D(nnx.Module):
    """A 2-D convolution (HWIO kernel, SAME padding, the same stride on both axes) as a Flax NNX module."""

    def __init__(self, in_features: int, out_features: int, kernel_h: int, kernel_w: int, stride: int, *,
                 rngs: nnx.Rngs):
        shape = (kernel_h, kernel_w, in_features, out_features)
        self.kernel = nnx.Param(nnx.initializers.lecun_normal()(rngs.params(), shape))
        self.bias = nnx.Param(jnp.zeros((out_features,)))
        self.stride = stride

    @override
    def __call__(self, x: jax.Array) -> jax.Array:
        y = jax.lax.conv_general_dilated(x[None], self.kernel[...], (self.stride, self.stride), "SAME",
                                         dimension_numbers=("NHWC", "HWIO", "NHWC"))
        return y[0] + self.bias[...]
