# kind: wrong
# feedback: the pair came back reversed
def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if isinstance(v, int):
        return (v, v)
    if isinstance(v, tuple) and len(v) == 2:
        return (v[1], v[0])
    raise ValueError(v)
