# kind: wrong
# feedback: expected ValueError, got TypeError
def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if isinstance(v, int):
        return (v, v)
    if isinstance(v, tuple) and len(v) == 2:
        return tuple(v)
    raise TypeError(f"expected an int or a pair, got {v!r}")
