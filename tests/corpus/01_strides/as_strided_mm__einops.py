# kind: correct
import einops


def as_strided_mm(matA, matB):
    a = einops.repeat(matA, "i j -> i j k", k=matB.shape[1])
    b = einops.repeat(matB, "j k -> i j k", i=matA.shape[0])
    return einops.reduce(a * b, "i j k -> i k", "sum")
