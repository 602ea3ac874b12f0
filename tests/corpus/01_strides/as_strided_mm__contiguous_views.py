# kind: wrong
# feedback: assume contiguous inputs
def as_strided_mm(matA, matB):
    (i, j), k = matA.shape, matB.shape[1]
    a = torch.as_strided(matA, (i, j, k), (j, 1, 0))
    b = torch.as_strided(matB, (i, j, k), (0, k, 1))
    return (a * b).sum(1)
