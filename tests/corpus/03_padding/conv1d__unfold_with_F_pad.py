# kind: correct
def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    xp = F.pad(x, (padding, padding))
    win = xp.unfold(-1, weights.shape[-1], stride)  # (b, ic, out, k)
    return (win[:, None] * weights[None, :, :, None, :]).sum(dim=(2, 4))
