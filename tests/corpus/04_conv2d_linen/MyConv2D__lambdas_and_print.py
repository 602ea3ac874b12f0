# kind: correct
print("MyConv2D: kernel (kernel_h, kernel_w, C_in, features), then bias (features,)")
add_batch = lambda a: a[None]
drop_batch = lambda a: a[0]


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
        numbers = jax.lax.conv_dimension_numbers((1, *x.shape), kernel.shape, ("NHWC", "HWIO", "NHWC"))
        y = jax.lax.conv_general_dilated(add_batch(x), kernel, (self.stride, self.stride), "SAME", dimension_numbers=numbers)
        return drop_batch(y) + bias
