# kind: correct
# flax: 0.12.1
class MyConv2D(nnx.Module):
    """A 2-D convolution (HWIO kernel, SAME padding, the same stride on both axes) as a Flax NNX module."""

    def __init__(self, in_features: int, out_features: int, kernel_h: int, kernel_w: int, stride: int, *,
                 rngs: nnx.Rngs):
        key = rngs.params()
        self.kernel = nnx.Param(nnx.initializers.lecun_normal()(key, (kernel_h, kernel_w, in_features, out_features)))
        self.bias = nnx.Param(nnx.initializers.zeros_init()(key, (out_features,)))
        self.stride = stride

    def __call__(self, x: jax.Array) -> jax.Array:
        def one_output(kernel_hwi: jax.Array) -> jax.Array:
            y = jax.lax.conv_general_dilated(x[None], kernel_hwi[..., None], (self.stride, self.stride), "SAME",
                                             dimension_numbers=("NHWC", "HWIO", "NHWC"))
            return y[0, :, :, 0]

        per_channel = jax.vmap(one_output, in_axes=3, out_axes=2)(self.kernel.get_value())
        return per_channel + self.bias.get_value()
