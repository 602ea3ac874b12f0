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
        match x.ndim:
            case 2:
                batched = x.reshape(1, *x.shape)
            case _:
                raise ValueError(f"expected one signal (L, C_in), got shape {x.shape}")
        out = jax.lax.conv_general_dilated(batched, kernel, window_strides=(1,), padding="SAME",
                                           dimension_numbers=("NWC", "WIO", "NWC"))
        return out.reshape(out.shape[1:]) + bias
