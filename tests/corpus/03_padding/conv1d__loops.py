# kind: correct
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    b, ic, w = x.shape
    oc, _, k = weights.shape
    xp = torch.zeros(b, ic, w + 2 * padding, dtype=x.dtype, device=x.device)
    xp[:, :, padding:padding + w] = x
    n = (w + 2 * padding - k) // stride + 1
    out = torch.zeros(b, oc, n, dtype=x.dtype, device=x.device)
    for j in range(n):
        segment = xp[:, :, j * stride:j * stride + k]
        for o in range(oc):
            out[:, o, j] = (segment * weights[o]).sum(dim=(1, 2))
    return out
