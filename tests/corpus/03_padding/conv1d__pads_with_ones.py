# kind: wrong
# feedback: values are wrong
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    windows = pad1d(x, padding, padding, 1.0).unfold(-1, weights.shape[-1], stride)
    return torch.einsum("bcok,dck->bdo", windows, weights)
