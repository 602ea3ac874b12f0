# kind: correct
def conv1d_minimal(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """Return F.conv1d(x, weights) for x (b, ic, w) and weights (oc, ic, kw): shape (b, oc, w - kw + 1)."""
    match x.shape, weights.shape:
        case (b, ic, w), (oc, ic_w, kw):
            assert ic == ic_w, f"x has {ic} channels but weights expect {ic_w}"
            s_b, s_c, s_w = x.stride()
            windows = torch.as_strided(x, (b, ic, w - kw + 1, kw), (s_b, s_c, s_w, s_w))
            return torch.einsum("bctk,ock->bot", windows, weights)
    raise ValueError("x must be (b, ic, w) and weights (oc, ic, kw)")
