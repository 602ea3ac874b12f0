# kind: correct
from dataclasses import dataclass


@dataclass(frozen=True)
class PoolSpec:
    """One axis of a pooling: kernel, stride and padding."""

    kernel: int
    stride: int
    padding: int

    def out(self, size: int) -> int:
        return (size + 2 * self.padding - self.kernel) // self.stride + 1


def maxpool2d(x, kernel_size, stride=None, padding=0):
    def axis(i):
        pick = lambda v: v if isinstance(v, int) else v[i]
        return PoolSpec(pick(kernel_size), pick(kernel_size if stride is None else stride), pick(padding))

    rows, cols = axis(0), axis(1)
    assert 2 * rows.padding <= rows.kernel and 2 * cols.padding <= cols.kernel, "padding is at most half the kernel"
    b, c, h, w = x.shape
    padded = torch.full((b, c, h + 2 * rows.padding, w + 2 * cols.padding), float("-inf"), dtype=x.dtype,
                        device=x.device)
    padded[:, :, rows.padding:rows.padding + h, cols.padding:cols.padding + w] = x
    out = torch.empty((b, c, rows.out(h), cols.out(w)), dtype=x.dtype, device=x.device)
    for i in range(rows.out(h)):
        top = i * rows.stride
        band = padded[:, :, top:top + rows.kernel].amax(dim=2)  # (b, c, W + 2 pw)
        for j in range(cols.out(w)):
            left = j * cols.stride
            out[:, :, i, j] = band[:, :, left:left + cols.kernel].amax(dim=-1)
    return out
