# kind: wrong
# feedback: both elements should be ints
def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if isinstance(v, int):
        return (float(v), float(v))
    if isinstance(v, tuple) and len(v) == 2:
        return (float(v[0]), float(v[1]))
    raise ValueError(v)
