# kind: correct
def as_strided_trace(mat):
    total = mat[0, 0] * 0
    for i in range(mat.shape[0]):
        total = total + mat[i, i]
    return total
