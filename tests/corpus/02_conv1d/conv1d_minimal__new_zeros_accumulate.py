# kind: correct
def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    b, ic, w = x.shape
    oc, _, kw = weights.shape
    out = x.new_zeros(b, oc, w - kw + 1)
    for c in range(ic):
        for k in range(kw):
            # (b, 1, t) * (1, oc, 1): channel c at kernel position k, for every output channel
            out += x[:, None, c, k:k + w - kw + 1] * weights[None, :, c, k, None]
    return out
