# kind: correct
class RowProduct:
    def __init__(self, vec):
        self.vec = vec

    def __call__(self, row):
        return (row * self.vec).sum()


def as_strided_mv(mat, vec):
    assert mat.shape[1] == vec.shape[0]
    product = RowProduct(vec)
    out = torch.stack([product(mat[i]) for i in range(mat.shape[0])])
    print("as_strided_mv:", tuple(out.shape))
    return out
