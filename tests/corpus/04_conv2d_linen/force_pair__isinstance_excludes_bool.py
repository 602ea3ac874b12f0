# kind: correct
def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if isinstance(v, bool):
        raise ValueError("a bool is not a size")
    if isinstance(v, int):
        return (v, v)
    if isinstance(v, tuple) and len(v) == 2 and all(isinstance(item, int) for item in v):
        return (v[0], v[1])
    raise ValueError(f"expected an int or a pair of ints, got {v!r}")
