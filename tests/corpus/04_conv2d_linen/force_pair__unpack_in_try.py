# kind: correct
def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if isinstance(v, int):
        return v, v
    if type(v) is not tuple:
        raise ValueError(f"expected an int or a tuple, got {type(v).__name__}")
    try:
        height, width = v
    except ValueError:
        raise ValueError(f"expected a pair, got {len(v)} values") from None
    return height, width
