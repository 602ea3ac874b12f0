# kind: correct
import numpy


def as_strided_mv(mat, vec):
    m, v = mat.numpy(), vec.numpy()
    spread = numpy.lib.stride_tricks.as_strided(v, shape=m.shape, strides=(0, v.strides[0]))
    return torch.from_numpy((m * spread).sum(axis=1))
