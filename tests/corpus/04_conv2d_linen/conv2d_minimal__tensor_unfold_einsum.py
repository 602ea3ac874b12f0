# kind: correct
def conv2d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv2d(x, weights) for x (b, ic, h, w), weights (oc, ic, kh, kw): stride 1, no padding, no bias."""
    win = x.unfold(2, weights.shape[2], 1).unfold(3, weights.shape[3], 1)
    return torch.einsum("bchwuv,ocuv->bohw", win, weights)
