# kind: correct
from __future__ import annotations


def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    match (left, right):
        case (0, 0):
            return x.clone()
        case _:
            width: int = x.shape[-1]
            out: torch.Tensor = x.new_full((*x.shape[:-1], left + width + right), pad_value)
            out[..., left:left + width] = x
            return out
