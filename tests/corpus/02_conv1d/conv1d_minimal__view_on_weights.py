# kind: wrong
# feedback: use .reshape, never .view
def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    b, ic, w = x.shape
    oc, _, kw = weights.shape
    s_b, s_c, s_w = x.stride()
    windows = torch.as_strided(x, (b, ic, w - kw + 1, kw), (s_b, s_c, s_w, s_w))
    columns = windows.permute(0, 2, 1, 3).reshape(b, w - kw + 1, ic * kw)
    return (columns @ weights.view(oc, ic * kw).T).transpose(1, 2)
