# kind: wrong
# feedback: return a tuple (height, width)
def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if isinstance(v, int):
        return [v, v]
    if isinstance(v, tuple) and len(v) == 2:
        return list(v)
    raise ValueError(v)
