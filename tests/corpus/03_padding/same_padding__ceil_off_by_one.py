# kind: wrong
# feedback: SAME keeps ceil(
def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    out = (size + stride) // stride
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2
