# kind: correct
def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    out = (size + stride - 1) // stride
    total = jnp.maximum((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2
