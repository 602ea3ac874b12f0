# kind: correct
import math


def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    out = math.ceil(size / stride)
    total = (out - 1) * stride + kernel - size
    if total < 0:
        total = 0
    low = math.floor(total / 2)
    return [low, total - low]
