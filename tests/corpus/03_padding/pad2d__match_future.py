# kind: correct
from __future__ import annotations


def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    match x.shape:
        case (b, c, h, w):
            out: torch.Tensor = x.new_full((b, c, top + h + bottom, left + w + right), pad_value)
            out[:, :, top:top + h, left:left + w] = x
            return out
        case _:
            raise ValueError(f"expected (b, c, h, w), got {tuple(x.shape)}")
