# kind: wrong
# feedback: changed its input mat in place
def as_strided_mv(mat, vec):
    mat.mul_(0)
    return mat.sum(1)
