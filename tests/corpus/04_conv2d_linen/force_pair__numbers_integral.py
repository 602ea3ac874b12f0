# kind: correct
import numbers


def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if isinstance(v, numbers.Integral):
        return (int(v), int(v))
    if isinstance(v, tuple) and len(v) == 2 and all(isinstance(item, numbers.Integral) for item in v):
        return tuple(int(item) for item in v)
    raise ValueError(v)
