# kind: correct
def repeated(matrix, size, strides):
    return torch.as_strided(matrix, size, strides)


def as_strided_mm(matA, matB):
    match matA.shape, matB.shape:
        case (i, j), (j2, k) if j == j2:
            a = repeated(matA, (i, j, k), (matA.stride(0), matA.stride(1), 0))
            b = repeated(matB, (i, j, k), (0, matB.stride(0), matB.stride(1)))
        case _:
            raise ValueError("inner sizes differ")
    return (a * b).sum(1)
