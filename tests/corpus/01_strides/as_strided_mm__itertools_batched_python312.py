# kind: wrong
# python: 3.12
# feedback: itertools.batched is new in Python 3.12
import itertools


def as_strided_mm(matA, matB):
    (i, j), (_, k) = matA.shape, matB.shape
    rows = []
    for row in range(i):
        a = matA[row].as_strided((j, k), (matA.stride(1), 0))
        rows.append(torch.sum(a * matB, dim=0))
    pairs = list(itertools.batched(rows, 2))
    return torch.stack([row for pair in pairs for row in pair])
