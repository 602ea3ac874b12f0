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
        c_in = x.shape[-1]
        kernel = self.param("kernel", jax.nn.initializers.lecun_normal(), (self.kernel_h, self.kernel_w, c_in, self.features),
                            jnp.float32)
        bias = self.param("bias", jax.nn.initializers.zeros, (self.features,))
        pads = []
        for size, k in zip(x.shape[:2], (self.kernel_h, self.kernel_w)):
            out = -(-size // self.stride)
            total = max((out - 1) * self.stride + k - size, 0)
            pads.append((total // 2, total - total // 2))
        numbers = jax.lax.conv_dimension_numbers((1,) + x.shape, kernel.shape, ("NHWC", "HWIO", "NHWC"))
        y = jax.lax.conv_general_dilated(jnp.expand_dims(x, 0), kernel, (self.stride,) * 2, pads, dimension_numbers=numbers)
        return jnp.squeeze(y, 0) + bias[None, None, :]
