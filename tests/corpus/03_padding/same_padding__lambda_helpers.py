# kind: correct
ceil_div = lambda a, b: (a + b - 1) // b
split_end = lambda total: (total // 2, total - total // 2)


def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    needed = (ceil_div(size, stride) - 1) * stride + kernel
    return split_end(max(needed - size, 0))
