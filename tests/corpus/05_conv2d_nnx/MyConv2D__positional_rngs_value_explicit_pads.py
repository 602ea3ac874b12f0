# kind: correct
class MyConv2D(nnx.Module):
    """A 2-D convolution (HWIO kernel, SAME padding, the same stride on both axes) as a Flax NNX module."""

    def __init__(self, in_features: int, out_features: int, kernel_h: int, kernel_w: int, stride: int,
                 rngs: nnx.Rngs):
        self.stride = int(stride)
        self.kernel = nnx.Param(jax.nn.initializers.lecun_normal()(rngs(), (kernel_h, kernel_w, in_features, out_features)))
        self.bias = nnx.Param(nnx.initializers.zeros_init()(rngs.params(), (out_features,)))

    def __call__(self, x: jax.Array) -> jax.Array:
        def pads(size, k, s):
            out = -(-size // s)
            total = max((out - 1) * s + k - size, 0)
            return (total // 2, total - total // 2)

        kh, kw = self.kernel.value.shape[:2]
        y = jax.lax.conv_general_dilated(jnp.expand_dims(x, 0), self.kernel.value, [self.stride] * 2,
                                         [pads(x.shape[0], kh, self.stride), pads(x.shape[1], kw, self.stride)],
                                         dimension_numbers=("NHWC", "HWIO", "NHWC"))
        return jnp.squeeze(y, 0) + self.bias.value
