# kind: correct
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    oc, ic, k = weights.shape
    padded = F.pad(x, (padding, padding))
    columns = padded.unfold(2, k, stride).permute(0, 2, 1, 3).reshape(x.shape[0], -1, ic * k)
    return (columns @ weights.reshape(oc, ic * k).T).transpose(1, 2)
