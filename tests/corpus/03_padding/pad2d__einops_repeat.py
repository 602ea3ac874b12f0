# kind: correct
import einops


def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""
    b, c, h, w = x.shape
    full_w = left + w + right
    value = x.new_tensor([pad_value])
    sides = [einops.repeat(value, "1 -> b c h n", b=b, c=c, h=h, n=n) for n in (left, right)]
    rows = torch.cat([sides[0], x, sides[1]], dim=3)
    caps = [einops.repeat(value, "1 -> b c n w", b=b, c=c, n=n, w=full_w) for n in (top, bottom)]
    return torch.cat([caps[0], rows, caps[1]], dim=2)
