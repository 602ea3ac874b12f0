# kind: correct
import dataclasses


def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride):
    """Build MyConv2D with nnx.Rngs(int(seed)), apply it to x (H, W, C_in) and return the flattened output."""

    @dataclasses.dataclass(frozen=True)
    class Sizes:
        features: int
        kernel_h: int
        kernel_w: int
        stride: int

    sizes = Sizes(*(int(v) for v in (features, kernel_h, kernel_w, stride)))
    layer = MyConv2D(x.shape[-1], *dataclasses.astuple(sizes), rngs=nnx.Rngs(int(seed)))
    return layer(x).reshape(-1)
