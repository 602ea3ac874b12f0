# kind: correct
class MyConv2D(nnx.Module):
    """A 2-D convolution (HWIO kernel, SAME padding, the same stride on both axes) as a Flax NNX module."""

    def __init__(self, in_features: int, out_features: int, kernel_h: int, kernel_w: int, stride: int, *,
                 rngs: nnx.Rngs):
        keys = (rngs.params(), rngs.params())
        self.kernel = nnx.Param(nnx.initializers.lecun_normal()(keys[0], (kernel_h, kernel_w, in_features, out_features)))
        self.bias = nnx.Param(nnx.initializers.zeros(keys[1], (out_features,), jnp.float32))
        self.stride = stride

    def __call__(self, x: jax.Array) -> jax.Array:
        kernel = self.kernel[...]
        dn = jax.lax.conv_dimension_numbers((1,) + tuple(x.shape), kernel.shape, ("NHWC", "HWIO", "NHWC"))
        y = jax.lax.conv_general_dilated(x[jnp.newaxis, ...], kernel, window_strides=(self.stride,) * 2,
                                         padding="SAME", dimension_numbers=dn)
        return (y + self.bias[...]).squeeze(0)
