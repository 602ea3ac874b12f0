# kind: wrong
# feedback: expected dtype float64, got float32
# hint: create any buffer with dtype=x.dtype
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    windows = pad1d(x, padding, padding, 0.0).unfold(-1, weights.shape[-1], stride)
    out = torch.zeros(x.shape[0], weights.shape[0], windows.shape[2])
    out += torch.einsum("bcok,dck->bdo", windows, weights)
    return out
