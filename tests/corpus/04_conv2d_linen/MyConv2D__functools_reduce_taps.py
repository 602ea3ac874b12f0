# kind: correct
import functools
import itertools
import operator


class MyConv2D(nn.Module):
    """A 2-D convolution on one image x (H, W, C_in): HWIO kernel, stride on both axes, "SAME" padding, plus bias."""
    features: int
    kernel_h: int
    kernel_w: int
    stride: int

    @nn.compact
    def __call__(self, x: jax.Array) -> jax.Array:
        """Return the convolution of x (H, W, C_in) plus bias: (ceil(H / stride), ceil(W / stride), features)."""
        kernel = self.param("kernel", nn.initializers.lecun_normal(),
                            (self.kernel_h, self.kernel_w, x.shape[-1], self.features))
        bias = self.param("bias", nn.initializers.zeros, (self.features,))
        kh, kw, s = self.kernel_h, self.kernel_w, self.stride
        (top, bottom), (left, right) = jax.lax.padtype_to_pads(x.shape[:2], (kh, kw), (s, s), "SAME")
        padded = jnp.pad(x, ((top, bottom), (left, right), (0, 0)))
        out_h, out_w = math.ceil(x.shape[0] / s), math.ceil(x.shape[1] / s)

        def tap(u, v):
            rows = padded[u:u + (out_h - 1) * s + 1:s, v:v + (out_w - 1) * s + 1:s]   # (out_h, out_w, C_in)
            return rows @ kernel[u, v]

        return functools.reduce(operator.add, itertools.starmap(tap, itertools.product(range(kh), range(kw)))) + bias
