# kind: correct
from __future__ import annotations

from typing import Sequence


def as_strided_mv(mat: torch.Tensor, vec: torch.Tensor) -> torch.Tensor:
    size: Sequence[int] = (mat.shape[0], vec.shape[0])
    view = torch.as_strided(vec, size, (0, vec.stride(0)), vec.storage_offset())
    return torch.sum(mat * view, dim=-1)
