# kind: correct
def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if type(v) is int:
        return v, v
    if type(v) is tuple and len(v) == 2:
        height, width = v
        return height, width
    raise ValueError(f"expected an int or a 2-tuple, got {type(v).__name__}")
