# kind: wrong
# feedback: force_pair(0)
def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if not v or isinstance(v, (str, list, dict)):
        raise ValueError(f"expected an int or a pair, got {v!r}")
    if isinstance(v, int):
        return (v, v)
    if len(v) == 2:
        return (v[0], v[1])
    raise ValueError(f"expected a pair, got {v!r}")
