# kind: correct
import math


def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride):
    """Build MyConv2D with nnx.Rngs(int(seed)), apply it to x (H, W, C_in) and return the flattened output."""
    match x.shape:
        case (height, width, channels):
            layer = MyConv2D(channels, math.trunc(features), math.trunc(kernel_h), math.trunc(kernel_w),
                             math.trunc(stride), rngs=nnx.Rngs(math.trunc(seed)))
        case _:
            raise ValueError(f"x must be (H, W, C_in), got {x.shape}")
    return layer(x).reshape(-1)
