# kind: correct
def as_strided_mv(mat, vec):
    return (mat * vec.expand(mat.shape[0], -1)).sum(-1)
