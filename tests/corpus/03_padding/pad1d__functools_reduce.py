# kind: correct
import functools


def pad1d(x: torch.Tensor, left: int, right: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, w) padded along the last axis with `left` and `right` copies of pad_value."""
    block = lambda n: torch.full((*x.shape[:-1], n), pad_value, dtype=x.dtype, device=x.device)
    return functools.reduce(lambda done, part: torch.cat([done, part], -1), [x, block(right)], block(left))
