# kind: wrong
# feedback: return the result in x's dtype
def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    b, ic, w = x.shape
    oc, _, kw = weights.shape
    out = torch.zeros(b, oc, w - kw + 1, device=x.device)
    for k in range(kw):
        out += torch.einsum("nct,oc->not", x[:, :, k:k + w - kw + 1], weights[:, :, k]).float()
    return out
