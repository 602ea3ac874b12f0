# kind: correct
def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    out = np.int64(np.ceil(size / stride))
    total = np.maximum((out - 1) * stride + kernel - size, 0)
    low = np.floor_divide(total, 2)
    return low, total - low
