# kind: correct
class MyConv2D(nnx.Module):
    """A 2-D convolution (HWIO kernel, SAME padding, the same stride on both axes) as a Flax NNX module."""

    def __init__(self, in_features: int, out_features: int, kernel_h: int, kernel_w: int, stride: int, *,
                 rngs: nnx.Rngs):
        self.kernel = nnx.Param(
            nnx.initializers.lecun_normal()(rngs.params(), (kernel_h, kernel_w, in_features, out_features)))
        self.bias = nnx.Param(value=jnp.zeros(out_features, dtype=jnp.float32))
        self.stride = int(stride)

    def __call__(self, x: jax.Array) -> jax.Array:
        lhs = jnp.transpose(x, (2, 0, 1))[None]                  # (1, C_in, H, W)
        rhs = jnp.transpose(self.kernel[...], (3, 2, 0, 1))      # (C_out, C_in, kh, kw)
        out = jax.lax.conv(lhs, rhs, (self.stride, self.stride), "SAME")
        return jnp.transpose(out[0], (1, 2, 0)) + self.bias[...][None, None, :]
