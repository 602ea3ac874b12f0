# kind: wrong
# feedback: Likely mistake: the windows assume a contiguous x
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    padded = pad1d(x, padding, padding, 0.0) if padding else x
    b, c, w = padded.shape
    k = weights.shape[-1]
    n = (w - k) // stride + 1
    windows = padded.as_strided((b, c, n, k), (c * w, w, stride, 1))
    return torch.einsum("bcok,dck->bdo", windows, weights)
