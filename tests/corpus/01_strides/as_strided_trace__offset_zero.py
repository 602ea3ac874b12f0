# kind: wrong
# feedback: storage_offset=0 was passed
def as_strided_trace(mat):
    step = mat.stride()[0] + mat.stride()[1]
    return torch.as_strided(mat, (mat.shape[0],), (step,), 0).sum()
