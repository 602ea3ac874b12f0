# kind: correct
class Conv1dNoBias:
    """A stride-1, unpadded 1-D convolution with fixed weights (oc, ic, kw)."""

    def __init__(self, weights: torch.Tensor) -> None:
        self.weights = weights
        self.kw = weights.shape[-1]

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        windows = x.unfold(-1, self.kw, 1)                  # (b, ic, w - kw + 1, kw)
        products = windows.unsqueeze(1) * self.weights[None, :, :, None, :]
        return products.sum(dim=(2, 4))


def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    return Conv1dNoBias(weights)(x)
