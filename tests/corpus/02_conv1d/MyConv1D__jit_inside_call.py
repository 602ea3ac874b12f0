# kind: correct
class MyConv1D(nn.Module):
    """A 1-D convolution layer on one signal x (L, C_in): SAME padding, stride 1, WIO kernel, bias."""
    features: int
    kernel_size: int

    @nn.compact
    def __call__(self, x: jax.Array) -> jax.Array:
        kernel = self.param("kernel", nn.initializers.lecun_normal(),
                            (self.kernel_size, x.shape[-1], self.features))
        bias = self.param("bias", nn.initializers.zeros, (self.features,))
        conv = jax.jit(lambda signal, w: jax.lax.conv_general_dilated(signal[None], w, (1,), "SAME",
                                                                     dimension_numbers=("NWC", "WIO", "NWC"))[0])
        return conv(x, kernel) + bias[jnp.newaxis, :]
