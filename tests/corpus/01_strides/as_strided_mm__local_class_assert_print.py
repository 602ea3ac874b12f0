# kind: correct
class Product:
    def __init__(self, matA, matB):
        assert matA.shape[1] == matB.shape[0], "inner sizes differ"
        self.a, self.b = matA, matB

    def __call__(self):
        i, j, k = self.a.shape[0], self.a.shape[1], self.b.shape[1]
        a = torch.as_strided(self.a, (i, j, k), (self.a.stride(0), self.a.stride(1), 0))
        b = torch.as_strided(self.b, (i, j, k), (0, self.b.stride(0), self.b.stride(1)))
        return (a * b).sum(1)


def as_strided_mm(matA, matB):
    result = Product(matA, matB)()
    print("product of", tuple(matA.shape), "and", tuple(matB.shape))
    return result
