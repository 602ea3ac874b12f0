# kind: wrong
# feedback: same_padding(1, 1, 2): expected (0, 0), got (0, 1)
def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    if size % stride == 0:
        total = max(kernel - stride, 0)
    else:
        total = max(kernel - size % stride, 0) + 1
    return total // 2, total - total // 2
