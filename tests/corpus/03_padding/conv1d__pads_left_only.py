# kind: wrong
# feedback: Likely mistake: padded on the left only
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    padded = pad1d(x, padding, 0, 0.0)
    windows = padded.unfold(-1, weights.shape[-1], stride)
    return torch.einsum("bcok,dck->bdo", windows, weights)
