# kind: wrong
# feedback: the kernel is (W, O, I)
class MyConv1D(nn.Module):
    """A 1-D convolution layer on one signal x (L, C_in): SAME padding, stride 1, WIO kernel, bias."""
    features: int
    kernel_size: int

    @nn.compact
    def __call__(self, x: jax.Array) -> jax.Array:
        kernel = self.param("kernel", nn.initializers.lecun_normal(),
                            (self.kernel_size, self.features, x.shape[-1]))
        bias = self.param("bias", nn.initializers.zeros, (self.features,))
        out = jax.lax.conv_general_dilated(x[None], kernel, (1,), "SAME", dimension_numbers=("NWC", "WOI", "NWC"))
        return out[0] + bias
