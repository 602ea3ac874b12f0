# kind: correct
def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    starts = 0
    position = 0
    while position < size:
        starts += 1
        position += stride
    last_end = (starts - 1) * stride + kernel
    total = last_end - size if last_end > size else 0
    print(f"size={size} kernel={kernel} stride={stride}: {starts} windows, {total} pad elements")
    return total // 2, total - total // 2
