# kind: correct
from __future__ import annotations


class MyConv2D(nn.Module):
    """A 2-D convolution on one image x (H, W, C_in): HWIO kernel, stride on both axes, "SAME" padding, plus bias."""
    features: int
    kernel_h: int
    kernel_w: int
    stride: int

    @nn.compact
    def __call__(self, x: jax.Array) -> jax.Array:
        """Return the convolution of x (H, W, C_in) plus bias: (ceil(H / stride), ceil(W / stride), features)."""
        kernel: jax.Array = self.param("kernel", nn.initializers.lecun_normal(),
                                       (self.kernel_h, self.kernel_w, x.shape[-1], self.features))
        bias: jax.Array = self.param("bias", nn.initializers.zeros, (self.features,))
        strides = (self.stride, self.stride)
        pads = jax.lax.padtype_to_pads(x.shape[:2], (self.kernel_h, self.kernel_w), strides, "SAME")
        y = jax.lax.conv_general_dilated(x[jnp.newaxis], kernel, strides, pads, dimension_numbers=("NHWC", "HWIO", "NHWC"))
        return y[0] + bias
