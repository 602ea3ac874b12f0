# kind: wrong
# feedback: Likely mistake: the total pad is negative: clamp it with max(..., 0)
def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    out = -(-size // stride)
    total = (out - 1) * stride + kernel - size
    return total // 2, total - total // 2
