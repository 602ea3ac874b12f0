# kind: correct
def as_strided_mv(mat, vec):
    match mat.shape, vec.shape:
        case (rows, columns), (length,) if columns == length:
            copies = torch.as_strided(vec, (rows, length), (0, vec.stride()[0]))
        case _:
            raise ValueError("shapes do not match")
    return (mat * copies).sum(1)
