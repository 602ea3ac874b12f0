# kind: wrong
# feedback: has no len()
def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if len(v) == 2 and isinstance(v, tuple):
        return (v[0], v[1])
    if isinstance(v, int):
        return (v, v)
    raise ValueError(v)
