# kind: correct
import functools
import math
import operator


class MyConv2D(nnx.Module):
    """A 2-D convolution (HWIO kernel, SAME padding, the same stride on both axes) as a Flax NNX module."""

    def __init__(self, in_features: int, out_features: int, kernel_h: int, kernel_w: int, stride: int, *,
                 rngs: nnx.Rngs):
        shape = (kernel_h, kernel_w, in_features, out_features)
        fan_in = functools.reduce(operator.mul, shape[:-1], 1)
        # lecun_normal: a normal truncated to [-2, 2], rescaled so that the variance is 1 / fan_in.
        std = math.sqrt(1.0 / fan_in) / 0.87962566103423978
        self.kernel = nnx.Param(jax.random.truncated_normal(rngs.params(), -2.0, 2.0, shape) * std)
        self.bias = nnx.Param(jnp.zeros(out_features))
        self.stride = stride

    def __call__(self, x: jax.Array) -> jax.Array:
        match x.ndim:
            case 3:
                batched = x[None]
            case _:
                raise ValueError(f"expected x of shape (H, W, C_in), got {x.shape}")
        y = jax.lax.conv_general_dilated(batched, self.kernel[...], (self.stride,) * 2, "SAME",
                                         dimension_numbers=("NHWC", "HWIO", "NHWC"))
        return y[0] + self.bias[...]
