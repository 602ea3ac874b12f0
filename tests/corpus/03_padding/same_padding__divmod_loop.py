# kind: correct
def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    out, rest = divmod(size, stride)
    if rest:
        out += 1
    needed = kernel
    for _ in range(out - 1):
        needed += stride
    total = needed - size if needed > size else 0
    low, odd = divmod(total, 2)
    return low, low + odd
