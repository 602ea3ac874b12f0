# kind: correct
import functools


class MyConv2D(nn.Module):
    """A 2-D convolution on one image x (H, W, C_in): HWIO kernel, stride on both axes, "SAME" padding, plus bias."""
    features: int
    kernel_h: int
    kernel_w: int
    stride: int

    @nn.compact
    def __call__(self, x: jax.Array) -> jax.Array:
        kernel = self.param("kernel", nn.initializers.lecun_normal(),
                            (self.kernel_h, self.kernel_w, x.shape[-1], self.features))
        bias = self.param("bias", nn.initializers.zeros, (self.features,))
        y = jax.lax.conv_general_dilated(x[None], kernel, (self.stride, self.stride), "SAME",
                                         dimension_numbers=("NHWC", "HWIO", "NHWC"))
        return y[0] + bias


@functools.partial(jax.jit, static_argnums=0)
def _apply(model, variables, x):
    """The layer applied and flattened, compiled once per model (conv2d_forward below uses it)."""
    return model.apply(variables, x).reshape(-1)
