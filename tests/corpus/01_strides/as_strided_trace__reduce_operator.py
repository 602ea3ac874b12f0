# kind: correct
import functools
import operator


def as_strided_trace(mat):
    diagonal = torch.as_strided(mat, (mat.shape[0],), (functools.reduce(operator.add, mat.stride()),))
    return functools.reduce(operator.add, list(diagonal), mat.new_zeros(()))
