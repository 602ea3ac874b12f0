# kind: wrong
# feedback: Likely mistake: weights were read as (ic, oc, ...)
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    padded = F.pad(x, (padding, padding))
    windows = padded.unfold(-1, weights.shape[-1], stride)
    return torch.einsum("bcok,cdk->bdo", windows, weights)
