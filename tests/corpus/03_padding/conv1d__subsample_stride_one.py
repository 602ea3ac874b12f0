# kind: correct
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    padded = pad1d(x, padding, padding, 0.0)
    b, ic, width = padded.shape
    oc, _, k = weights.shape
    full = width - k + 1
    s_b, s_c, s_w = padded.stride()
    windows = padded.as_strided((b, full, ic, k), (s_b, s_w, s_c, s_w)).reshape(b, full, ic * k)
    every = windows @ weights.reshape(oc, ic * k).T  # (b, full, oc): stride 1
    return every[:, ::stride, :].permute(0, 2, 1)
