# kind: wrong
# feedback: the kernel is flipped
class MyConv1D(nn.Module):
    """A 1-D convolution layer on one signal x (L, C_in): SAME padding, stride 1, WIO kernel, bias."""
    features: int
    kernel_size: int

    @nn.compact
    def __call__(self, x: jax.Array) -> jax.Array:
        kernel = self.param("kernel", nn.initializers.lecun_normal(),
                            (self.kernel_size, x.shape[-1], self.features))
        bias = self.param("bias", nn.initializers.zeros, (self.features,))
        columns = [sum(jnp.convolve(x[:, c], kernel[:, c, o], mode="same") for c in range(x.shape[-1]))
                   for o in range(self.features)]
        return jnp.stack(columns, axis=-1) + bias
