# kind: correct
repeat_rows = lambda vec, rows: torch.as_strided(vec, (rows, vec.numel()), (0, vec.stride()[0]))


def as_strided_mv(mat, vec):
    return (mat * repeat_rows(vec, mat.shape[0])).sum(-1)
