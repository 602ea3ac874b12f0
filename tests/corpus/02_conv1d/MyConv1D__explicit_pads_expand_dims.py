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
        k = self.kernel_size
        out = jax.lax.conv_general_dilated(jnp.expand_dims(x, 0), kernel, window_strides=[1],
                                           padding=[((k - 1) // 2, k // 2)], dimension_numbers=("NWC", "WIO", "NWC"))
        return jnp.squeeze(out, 0) + bias
