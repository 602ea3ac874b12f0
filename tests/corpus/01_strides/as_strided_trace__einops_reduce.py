# kind: correct
import einops


def as_strided_trace(mat):
    view = torch.as_strided(mat, (mat.shape[0],), (mat.stride(0) + mat.stride(1),))
    return einops.reduce(view, "n ->", "sum")
