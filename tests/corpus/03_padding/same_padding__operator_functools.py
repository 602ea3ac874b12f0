# kind: correct
import functools
import operator


def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    out = operator.neg(operator.floordiv(-size, stride))
    total = functools.reduce(operator.add, [(out - 1) * stride, kernel, -size])
    total = max(total, 0)
    low = operator.rshift(total, 1)
    return low, operator.sub(total, low)
