# kind: wrong
# feedback: force_pair((2,)): expected ValueError, but it returned
def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if isinstance(v, int):
        return (v, v)
    if isinstance(v, tuple) and len(v) == 1:
        return (v[0], v[0])
    if isinstance(v, tuple) and len(v) == 2:
        return (v[0], v[1])
    raise ValueError(v)
