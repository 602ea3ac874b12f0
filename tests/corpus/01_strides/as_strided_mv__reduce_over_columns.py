# kind: correct
import functools
import operator


def as_strided_mv(mat, vec):
    columns = (mat[:, j] * vec[j] for j in range(mat.shape[1]))
    return functools.reduce(operator.add, columns, torch.zeros(mat.shape[0], dtype=mat.dtype, device=mat.device))
