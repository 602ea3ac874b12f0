# kind: correct
def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    b, ic, _ = x.shape
    oc = weights.shape[0]
    return torch.stack([
        torch.stack([sum(conv1d_minimal_simple(x[n, c], weights[o, c]) for c in range(ic)) for o in range(oc)])
        for n in range(b)
    ])
