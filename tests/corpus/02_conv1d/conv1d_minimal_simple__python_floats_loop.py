# kind: correct
def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    w, kw = x.shape[0], weights.shape[0]
    out = []
    for t in range(w - kw + 1):
        total = 0.0
        for k in range(kw):
            total += float(x[t + k]) * float(weights[k])
        out.append(total)
    return torch.tensor(out, dtype=x.dtype, device=x.device)
