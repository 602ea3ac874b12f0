# kind: correct
from __future__ import annotations


def conv1d(x: torch.Tensor, weights: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    """Like F.conv1d(x, weights, stride=stride, padding=padding) with no bias, for x (b, ic, w), weights (oc, ic, k)."""
    match padding:
        case 0:
            padded: torch.Tensor = x
        case int(p):
            padded = torch.cat([x.new_zeros(*x.shape[:2], p), x, x.new_zeros(*x.shape[:2], p)], dim=-1)
    windows = padded.unfold(dimension=2, size=weights.shape[2], step=stride)
    return torch.tensordot(weights, windows, dims=([1, 2], [1, 3])).permute(1, 0, 2)
