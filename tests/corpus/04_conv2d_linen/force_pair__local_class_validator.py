# kind: correct
class PairRule:
    """Turns an int or a 2-tuple into a (height, width) tuple."""

    def __init__(self, size: int = 2) -> None:
        self.size = size

    def __call__(self, v):
        if isinstance(v, int):
            return tuple([v] * self.size)
        if isinstance(v, tuple) and len(v) == self.size:
            return tuple(v)
        raise ValueError(f"expected an int or a {self.size}-tuple, got {v!r}")


def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    return PairRule()(v)
