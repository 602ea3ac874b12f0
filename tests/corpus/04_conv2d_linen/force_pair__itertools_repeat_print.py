# kind: correct
import itertools

print("force_pair: ints become (v, v)")
same_twice = lambda v: tuple(itertools.repeat(v, 2))


def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if isinstance(v, int):
        return same_twice(v)
    if isinstance(v, tuple) and len(v) == 2:
        return tuple(itertools.islice(v, 2))
    raise ValueError(repr(v))
