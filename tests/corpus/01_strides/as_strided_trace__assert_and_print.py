# kind: correct
def as_strided_trace(mat):
    assert mat.dim() == 2 and mat.shape[0] == mat.shape[1], "mat must be square"
    view = torch.as_strided(mat, (mat.shape[0],), (sum(mat.stride()),))
    print("diagonal view", tuple(view.shape), view.stride())
    return view.sum()
