# kind: correct
class MyConv2D(nn.Module):
    """A 2-D convolution on one image x (H, W, C_in): HWIO kernel, stride on both axes, "SAME" padding, plus bias."""
    features: int
    kernel_h: int
    kernel_w: int
    stride: int

    @nn.compact
    def __call__(self, x: jax.Array) -> jax.Array:
        """Return the convolution of x (H, W, C_in) plus bias: (ceil(H / stride), ceil(W / stride), features)."""
        kernel_init = nn.initializers.variance_scaling(1.0, "fan_in", "truncated_normal")
        kernel = self.param("kernel", kernel_init, (self.kernel_h, self.kernel_w, x.shape[2], self.features))
        bias = self.param("bias", nn.initializers.constant(0.0), (self.features,))
        y = jax.lax.conv(x[jnp.newaxis].transpose(0, 3, 1, 2), kernel.transpose(3, 2, 0, 1), [self.stride] * 2, "SAME")
        return y[0].transpose(1, 2, 0) + bias
