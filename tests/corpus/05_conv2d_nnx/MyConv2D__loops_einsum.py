# kind: correct
class MyConv2D(nnx.Module):
    """A 2-D convolution (HWIO kernel, SAME padding, the same stride on both axes) as a Flax NNX module."""

    def __init__(self, in_features: int, out_features: int, kernel_h: int, kernel_w: int, stride: int, *,
                 rngs: nnx.Rngs):
        shape = (kernel_h, kernel_w, in_features, out_features)
        self.kernel = nnx.Param(nnx.initializers.lecun_normal()(rngs.params(), shape))
        self.bias = nnx.Param(jnp.zeros((out_features,)))
        self.stride = stride

    def __call__(self, x: jax.Array) -> jax.Array:
        kh, kw, cin, cout = self.kernel[...].shape
        s, (h, w) = self.stride, x.shape[:2]
        oh, ow = -(-h // s), -(-w // s)
        ph, pw = max((oh - 1) * s + kh - h, 0), max((ow - 1) * s + kw - w, 0)
        xp = jnp.pad(x, ((ph // 2, ph - ph // 2), (pw // 2, pw - pw // 2), (0, 0)))
        k = self.kernel[...]
        out = jnp.zeros((oh, ow, cout))
        for a in range(kh):
            for b in range(kw):
                patch = xp[a:a + (oh - 1) * s + 1:s, b:b + (ow - 1) * s + 1:s, :]
                out = out + jnp.einsum("hwi,io->hwo", patch, k[a, b])
        return out + self.bias[...]
