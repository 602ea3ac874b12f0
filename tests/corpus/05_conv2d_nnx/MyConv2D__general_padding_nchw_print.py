# kind: correct
class MyConv2D(nnx.Module):
    """A 2-D convolution (HWIO kernel, SAME padding, the same stride on both axes) as a Flax NNX module."""

    def __init__(self, in_features, out_features, kernel_h, kernel_w, stride, *, rngs):
        assert isinstance(stride, int) and stride >= 1, stride
        self.kernel = nnx.Param(nnx.initializers.lecun_normal()(rngs.params(),
                                                                (kernel_h, kernel_w, in_features, out_features)))
        self.bias = nnx.Param(jnp.zeros((out_features,)))
        self.stride = stride
        print(f"MyConv2D: kernel {self.kernel[...].shape}, stride {self.stride}")

    def __call__(self, x):
        kernel = self.kernel[...]
        strides = (self.stride, self.stride)
        pads = jax.lax.padtype_to_pads(x.shape[:2], kernel.shape[:2], strides, "SAME")
        lhs = jnp.transpose(x, (2, 0, 1))[None]
        rhs = jnp.transpose(kernel, (3, 2, 0, 1))
        out = jax.lax.conv_with_general_padding(lhs, rhs, strides, pads, None, None)
        return jnp.transpose(out[0], (1, 2, 0)) + self.bias[...]
