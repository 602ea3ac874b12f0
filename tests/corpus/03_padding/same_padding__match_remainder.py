# kind: correct
from __future__ import annotations


def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    match size % stride:
        case 0:
            total: int = kernel - stride
        case rest:
            total = kernel - rest
    total = max(total, 0)
    return (total // 2, (total + 1) // 2)
