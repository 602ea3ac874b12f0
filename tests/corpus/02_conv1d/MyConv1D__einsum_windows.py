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
        k, n = self.kernel_size, x.shape[0]
        padded = jnp.pad(x, (((k - 1) // 2, k // 2), (0, 0)))
        windows = jnp.stack([padded[j:j + n] for j in range(k)], axis=1)   # (L, K, C)
        return jnp.einsum("tkc,kco->to", windows, kernel) + bias
