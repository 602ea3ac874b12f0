# kind: correct
def as_strided_mv(mat, vec):
    return torch.stack([(mat[row] * vec).sum() for row in range(mat.shape[0])])
