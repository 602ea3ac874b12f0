# kind: wrong
# feedback: should return a pair (low, high)
# hint: this looks like the total pad
def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    out = -(-size // stride)
    return max((out - 1) * stride + kernel - size, 0)
