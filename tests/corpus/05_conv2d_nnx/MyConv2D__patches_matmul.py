# kind: correct
class MyConv2D(nnx.Module):
    """A 2-D convolution (HWIO kernel, SAME padding, the same stride on both axes) as a Flax NNX module."""

    def __init__(self, in_features: int, out_features: int, kernel_h: int, kernel_w: int, stride: int, *,
                 rngs: nnx.Rngs):
        kernel_key = rngs.params()
        init = nnx.initializers.lecun_normal()
        self.kernel = nnx.Param(init(kernel_key, (kernel_h, kernel_w, in_features, out_features)))
        self.bias = nnx.Param(jnp.zeros([out_features]))
        self.stride = stride

    def __call__(self, x: jax.Array) -> jax.Array:
        kh, kw, cin, cout = self.kernel[...].shape
        # Patches come out with their features ordered (C_in, kh, kw).
        patches = jax.lax.conv_general_dilated_patches(x[None], (kh, kw), (self.stride, self.stride), "SAME",
                                                       dimension_numbers=("NHWC", "HWIO", "NHWC"))[0]
        weights = jnp.transpose(self.kernel[...], (2, 0, 1, 3)).reshape(cin * kh * kw, cout)
        return patches @ weights + self.bias[...]
