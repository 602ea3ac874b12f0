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
        length, k = x.shape[0], self.kernel_size
        padded = jnp.pad(x, (((k - 1) // 2, k // 2), (0, 0)))
        index = jnp.arange(length)[:, None] + jnp.arange(k)[None, :]   # (L, K): row t reads padded[t : t + K]
        return jnp.einsum("tkc,kco->to", padded[index], kernel) + bias
