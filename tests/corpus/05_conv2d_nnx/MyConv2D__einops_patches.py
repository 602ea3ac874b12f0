# kind: correct
import einops


class MyConv2D(nnx.Module):
    """A 2-D convolution (HWIO kernel, SAME padding, the same stride on both axes) as a Flax NNX module."""

    def __init__(self, in_features: int, out_features: int, kernel_h: int, kernel_w: int, stride: int, *,
                 rngs: nnx.Rngs):
        shape = (kernel_h, kernel_w, in_features, out_features)
        self.kernel = nnx.Param(nnx.initializers.lecun_normal()(rngs.params(), shape))
        self.bias = nnx.Param(jnp.zeros((out_features,)))
        self.stride = stride

    def __call__(self, x: jax.Array) -> jax.Array:
        kernel = self.kernel[...]
        kh, kw = kernel.shape[:2]
        s = self.stride
        pads = jax.lax.padtype_to_pads(x.shape[:2], (kh, kw), (s, s), "SAME")
        xp = jnp.pad(x, (*pads, (0, 0)))
        oh, ow = -(-x.shape[0] // s), -(-x.shape[1] // s)
        windows = jnp.stack([jnp.stack([xp[a:a + (oh - 1) * s + 1:s, b:b + (ow - 1) * s + 1:s]
                                        for b in range(kw)]) for a in range(kh)])  # (kh, kw, oh, ow, C_in)
        windows = einops.rearrange(windows, "kh kw oh ow c -> oh ow kh kw c")
        return einops.einsum(windows, kernel, "oh ow kh kw c, kh kw c o -> oh ow o") + self.bias[...]
