# kind: correct
from __future__ import annotations


def as_strided_trace(mat: torch.Tensor) -> torch.Tensor:
    n: int = mat.shape[0]
    step: int = sum(mat.stride())
    return torch.as_strided(mat, size=(n,), stride=(step,), storage_offset=mat.storage_offset()).sum()
