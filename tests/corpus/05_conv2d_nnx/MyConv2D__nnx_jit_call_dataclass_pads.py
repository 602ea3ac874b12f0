# kind: correct
import dataclasses


@dataclasses.dataclass(frozen=True)
class SamePads:
    size: int
    kernel: int
    stride: int

    def pair(self) -> tuple[int, int]:
        out = -(-self.size // self.stride)
        total = max((out - 1) * self.stride + self.kernel - self.size, 0)
        return total // 2, total - total // 2


class MyConv2D(nnx.Module):
    """A 2-D convolution (HWIO kernel, SAME padding, the same stride on both axes) as a Flax NNX module."""

    def __init__(self, in_features: int, out_features: int, kernel_h: int, kernel_w: int, stride: int, *,
                 rngs: nnx.Rngs):
        self.kernel = nnx.Param(nnx.initializers.lecun_normal()(rngs.params(),
                                                                (kernel_h, kernel_w, in_features, out_features)))
        self.bias = nnx.Param(jnp.zeros((out_features,)))
        self.stride = stride

    @nnx.jit
    def __call__(self, x: jax.Array) -> jax.Array:
        kh, kw = self.kernel[...].shape[:2]
        pads = [SamePads(x.shape[0], kh, self.stride).pair(), SamePads(x.shape[1], kw, self.stride).pair()]
        y = jax.lax.conv_general_dilated(x[None], self.kernel[...], (self.stride, self.stride), pads,
                                         dimension_numbers=("NHWC", "HWIO", "NHWC"))
        return y[0] + self.bias[...]
