# kind: correct
def as_strided_mv(mat, vec):
    return (mat * vec[None, :]).sum(dim=-1)
