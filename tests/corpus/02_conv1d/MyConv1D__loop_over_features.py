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
        padded = jnp.pad(x, (((k - 1) // 2, k // 2), (0, 0)))
        windows = jnp.stack([padded[t:t + k] for t in range(x.shape[0])])   # (L, K, C)
        columns = [jnp.sum(windows * kernel[None, :, :, o], axis=(1, 2)) for o in range(self.features)]
        return jnp.stack(columns, axis=-1) + bias
