# kind: correct
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    assert x.shape[1] == weights.shape[1], "input channels differ"
    padded = pad1d(x, padding, padding, 0.0)
    k = weights.shape[-1]
    starts = range(0, padded.shape[-1] - k + 1, stride)
    outputs = [torch.einsum("bck,dck->bd", padded[..., s:s + k], weights) for s in starts]
    return torch.stack(outputs, dim=-1)
