# kind: wrong
# feedback: instead of vec.stride()[0]
def as_strided_mv(mat, vec):
    i, j = mat.shape
    return (mat * torch.as_strided(vec, (i, j), (0, 1))).sum(1)
