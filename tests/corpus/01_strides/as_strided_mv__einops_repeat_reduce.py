# kind: correct
from einops import reduce, repeat


def as_strided_mv(mat, vec):
    copies = repeat(vec, "j -> i j", i=mat.shape[0])
    return reduce(mat * copies, "i j -> i", "sum")
