# kind: correct
def conv1d_minimal_simple(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return the stride-1, unpadded cross-correlation of x (w,) with weights (kw,): shape (w - kw + 1,)."""
    match tuple(x.shape), tuple(weights.shape):
        case (w,), (kw,) if kw <= w:
            step, = x.stride()
            return torch.einsum("tk,k->t", torch.as_strided(x, (w - kw + 1, kw), (step, step)), weights)
        case _:
            raise ValueError(f"cannot correlate {tuple(x.shape)} with {tuple(weights.shape)}")
