# kind: wrong
# feedback: Likely mistake: the total pad was taken as kernel - 1
def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    total = kernel - 1
    return total // 2, total - total // 2
