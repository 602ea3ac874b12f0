# kind: correct
print("MyConv1D: kernel (kernel_size, C_in, features), bias (features,)")
batch = lambda a: a[None]
unbatch = lambda a: a[0]


class MyConv1D(nn.Module):
    """A 1-D convolution layer on one signal x (L, C_in): SAME padding, stride 1, WIO kernel, bias."""
    features: int
    kernel_size: int

    @nn.compact
    def __call__(self, x: jax.Array) -> jax.Array:
        kernel = self.param("kernel", nn.initializers.lecun_normal(),
                            (self.kernel_size, x.shape[-1], self.features))
        bias = self.param("bias", nn.initializers.zeros, (self.features,))
        assert x.ndim == 2, "MyConv1D takes one signal (L, C_in)"
        numbers = jax.lax.conv_dimension_numbers(batch(x).shape, kernel.shape, ("NWC", "WIO", "NWC"))
        return unbatch(jax.lax.conv_general_dilated(batch(x), kernel, (1,), "SAME", dimension_numbers=numbers)) + bias
