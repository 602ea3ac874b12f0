# kind: wrong
# feedback: H // stride instead of ceil(H / stride)
# hint: padding "VALID" (no padding) instead of "SAME"
class MyConv2D(nn.Module):
    """A 2-D convolution on one image x (H, W, C_in): HWIO kernel, stride on both axes, "SAME" padding, plus bias."""
    features: int
    kernel_h: int
    kernel_w: int
    stride: int

    @nn.compact
    def __call__(self, x: jax.Array) -> jax.Array:
        """Return the convolution of x (H, W, C_in) plus bias: (ceil(H / stride), ceil(W / stride), features)."""
        kernel = self.param("kernel", nn.initializers.lecun_normal(),
                            (self.kernel_h, self.kernel_w, x.shape[-1], self.features))
        bias = self.param("bias", nn.initializers.zeros, (self.features,))
        y = jax.lax.conv_general_dilated(x[None], kernel, window_strides=(self.stride, self.stride),
                                         padding=[(0, 0), (0, 0)], dimension_numbers=("NHWC", "HWIO", "NHWC"))
        return y[0, :x.shape[0] // self.stride, :x.shape[1] // self.stride] + bias
