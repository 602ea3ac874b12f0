# kind: correct
from __future__ import annotations


def as_strided_mm(matA: torch.Tensor, matB: torch.Tensor) -> torch.Tensor:
    (i, j), (_, k) = matA.shape, matB.shape
    a = matA.as_strided(size=(i, j, k), stride=(*matA.stride(), 0), storage_offset=matA.storage_offset())
    b = matB.as_strided(size=(i, j, k), stride=(0, *matB.stride()), storage_offset=matB.storage_offset())
    return torch.sum(a * b, dim=1)
