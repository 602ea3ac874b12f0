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
        # The default dimension numbers are PyTorch's ("NCW", "OIW", "NCW"): transpose into them and back.
        lhs = x.T[None]                                # (1, C_in, L)
        rhs = jnp.transpose(kernel, (2, 1, 0))         # (features, C_in, kernel_size)
        out = jax.lax.conv_general_dilated(lhs, rhs, (1,), "SAME")
        return out[0].T + bias[None, :]
