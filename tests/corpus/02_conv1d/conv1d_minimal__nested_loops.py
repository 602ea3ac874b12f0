# kind: correct
def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    b, ic, w = x.shape
    oc, _, kw = weights.shape
    out = torch.zeros(b, oc, w - kw + 1, dtype=x.dtype, device=x.device)
    for n in range(b):
        for o in range(oc):
            for t in range(w - kw + 1):
                out[n, o, t] = (x[n, :, t:t + kw] * weights[o]).sum()
    return out
