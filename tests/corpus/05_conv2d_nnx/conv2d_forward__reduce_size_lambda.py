# kind: correct
import functools
import operator

to_int = lambda value: int(value)


def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride):
    """Build MyConv2D with nnx.Rngs(int(seed)), apply it to x (H, W, C_in) and return the flattened output."""
    sizes = [to_int(v) for v in (features, kernel_h, kernel_w, stride)]
    out = MyConv2D(x.shape[-1], *sizes, rngs=nnx.Rngs(to_int(seed)))(x)
    return out.reshape(functools.reduce(operator.mul, out.shape, 1))
