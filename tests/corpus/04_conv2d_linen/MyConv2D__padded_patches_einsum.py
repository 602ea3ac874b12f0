# kind: correct
class MyConv2D(nn.Module):
    """A 2-D convolution on one image x (H, W, C_in): HWIO kernel, stride on both axes, "SAME" padding, plus bias."""
    features: int
    kernel_h: int
    kernel_w: int
    stride: int

    @nn.compact
    def __call__(self, x: jax.Array) -> jax.Array:
        """Return the convolution of x (H, W, C_in) plus bias: (ceil(H / stride), ceil(W / stride), features)."""
        kh, kw, s = self.kernel_h, self.kernel_w, self.stride
        kernel = self.param("kernel", nn.initializers.lecun_normal(), (kh, kw, x.shape[-1], self.features))
        bias = self.param("bias", nn.initializers.zeros, (self.features,))
        H, W, C = x.shape
        oh, ow = math.ceil(H / s), math.ceil(W / s)
        pads = []
        for size, out, k in ((H, oh, kh), (W, ow, kw)):
            total = max((out - 1) * s + k - size, 0)
            pads.append((total // 2, total - total // 2))
        xp = jnp.pad(x, pads + [(0, 0)])
        out = jnp.zeros((oh, ow, self.features))
        for u in range(kh):
            for v in range(kw):
                patch = xp[u:u + (oh - 1) * s + 1:s, v:v + (ow - 1) * s + 1:s]
                out = out + jnp.einsum("hwc,cf->hwf", patch, kernel[u, v])
        return out + bias
