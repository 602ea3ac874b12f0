# kind: cheat
# feedback: uses the @ operator
def as_strided_mm(matA, matB):
    return matA @ matB
