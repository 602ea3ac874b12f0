# kind: wrong
# feedback: the result is transposed
def as_strided_mm(matA, matB):
    return (matA[:, :, None] * matB[None, :, :]).sum(dim=1).T
