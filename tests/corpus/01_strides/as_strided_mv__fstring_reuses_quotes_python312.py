# kind: wrong
# python: 3.12
# feedback: an f-string that holds its own quotes, a backslash or a comment inside its braces is new in Python 3.12
def as_strided_mv(mat, vec):
    sizes = {"rows": mat.shape[0], "columns": mat.shape[1]}
    assert vec.shape == (sizes["columns"],), f"vec must have {sizes["columns"]} entries"
    (rows, columns), (row_stride, column_stride) = mat.shape, mat.stride()
    table = torch.as_strided(vec, (rows, columns), (0, vec.stride(0)), vec.storage_offset())
    return (mat * table).sum(dim=1)
