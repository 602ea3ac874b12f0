# kind: correct
import functools
import operator


def as_strided_mm(matA, matB):
    outer = (matA[:, j:j + 1] * matB[j:j + 1, :] for j in range(matA.shape[1]))
    return functools.reduce(operator.add, outer)
