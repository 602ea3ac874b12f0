# kind: correct
import functools


def pad2d(x: torch.Tensor, left: int, right: int, top: int, bottom: int, pad_value: float) -> torch.Tensor:
    """Return x (b, c, h, w) padded: left/right along the width, top/bottom along the height, with pad_value."""

    def pad_axis(t: torch.Tensor, spec: tuple[int, int, int]) -> torch.Tensor:
        axis, before, after = spec
        shape = list(t.shape)
        parts = []
        for count in (before, after):
            shape[axis] = count
            parts.append(t.new_full(shape, pad_value))
        return torch.cat([parts[0], t, parts[1]], dim=axis)

    return functools.reduce(pad_axis, [(-1, left, right), (-2, top, bottom)], x)
