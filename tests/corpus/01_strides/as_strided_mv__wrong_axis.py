# kind: wrong
# feedback: summed over dimension 0
def as_strided_mv(mat, vec):
    i, j = mat.shape
    spread = torch.as_strided(vec, (i, j), (0, vec.stride()[0]))
    return (mat * spread).sum(0)
