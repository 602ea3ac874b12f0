# kind: correct
import functools


@functools.singledispatch
def as_pair(v):
    raise ValueError(f"expected an int or a pair, got {v!r}")


@as_pair.register
def _(v: int):
    return (v, v)


@as_pair.register
def _(v: tuple):
    if len(v) == 2:
        return (v[0], v[1])
    raise ValueError(f"expected a pair, got {len(v)} values")


def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    return as_pair(v)
