# kind: correct
import einops


def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    b, c, w = x.shape
    rows = einops.rearrange(x, "b c w -> (b c) w")
    padded = torch.full((b * c, left + w + right), pad_value, dtype=x.dtype, device=x.device)
    padded[:, left:left + w] = rows
    return einops.rearrange(padded, "(b c) w -> b c w", b=b, c=c)
