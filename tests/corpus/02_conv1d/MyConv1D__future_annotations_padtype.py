# kind: correct
from __future__ import annotations


class MyConv1D(nn.Module):
    """A 1-D convolution layer on one signal x (L, C_in): SAME padding, stride 1, WIO kernel, bias."""
    features: int
    kernel_size: int

    @nn.compact
    def __call__(self, x: jax.Array) -> jax.Array:
        kernel: jax.Array = self.param("kernel", nn.initializers.lecun_normal(),
                                       (self.kernel_size, x.shape[-1], self.features))
        bias: jax.Array = self.param("bias", nn.initializers.zeros, (self.features,))
        pads = jax.lax.padtype_to_pads(x.shape[:1], (self.kernel_size,), (1,), "SAME")
        out = jax.lax.conv_general_dilated(x[jnp.newaxis], kernel, (1,), pads, dimension_numbers=("NWC", "WIO", "NWC"))
        return out[0] + bias
