# kind: correct
class Diagonal:
    def __init__(self, mat):
        self.mat = mat
        self.step = mat.stride()[0] + mat.stride()[1]

    def __call__(self):
        return torch.as_strided(self.mat, (self.mat.shape[0],), (self.step,))


def as_strided_trace(mat):
    return Diagonal(mat)().sum()
