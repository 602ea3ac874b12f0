# kind: correct
def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    (low, high), = jax.lax.padtype_to_pads((size,), (kernel,), (stride,), "SAME")
    return int(low), int(high)
