# kind: wrong
# feedback: force_pair([3, 3]): expected ValueError, but it returned (3, 3)
def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if isinstance(v, int):
        return (v, v)
    if isinstance(v, (tuple, list)) and len(v) == 2:
        return tuple(v)
    raise ValueError(v)
