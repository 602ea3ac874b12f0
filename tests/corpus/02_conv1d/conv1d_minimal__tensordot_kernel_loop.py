# kind: correct
def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    kw = weights.shape[-1]
    width = x.shape[-1] - kw + 1
    # out[n, o, t] = sum over k of (x[n, :, t + k] contracted with weights[o, :, k])
    return sum(torch.einsum("nct,oc->not", x[:, :, k:k + width], weights[:, :, k]) for k in range(kw))
