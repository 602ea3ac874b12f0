# kind: correct
import dataclasses
import math


@dataclasses.dataclass(frozen=True)
class Axis:
    size: int
    kernel: int
    stride: int

    @property
    def outputs(self) -> int:
        return math.ceil(self.size / self.stride)

    @property
    def total_pad(self) -> int:
        return max((self.outputs - 1) * self.stride + self.kernel - self.size, 0)


def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Return (low, high): the pads JAX's "SAME" applies to an axis of length `size` for this kernel and stride."""
    axis = Axis(size, kernel, stride)
    assert axis.total_pad >= 0
    return axis.total_pad // 2, axis.total_pad - axis.total_pad // 2
