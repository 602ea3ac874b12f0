# kind: correct
class MyConv1D(nn.Module):
    """A 1-D convolution layer on one signal x (L, C_in): SAME padding, stride 1, WIO kernel, bias."""
    features: int
    kernel_size: int
    padding: str = "SAME"

    @nn.compact
    def __call__(self, x: jax.Array) -> jax.Array:
        kernel = self.param("kernel", nn.initializers.lecun_normal(),
                            (self.kernel_size, x.shape[-1], self.features))
        bias = self.param("bias", nn.initializers.zeros, (self.features,))
        y = jax.lax.conv_general_dilated(x[None], kernel, (1,), self.padding, dimension_numbers=("NWC", "WIO", "NWC"))
        return y[0] + bias
