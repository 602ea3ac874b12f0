# kind: correct
def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    match v:
        case bool():
            raise ValueError(f"expected an int or a pair, got {v!r}")
        case int():
            return (v, v)
        case (int() as h, int() as w) if type(v) is tuple:
            return (h, w)
    raise ValueError(f"expected an int or a pair, got {v!r}")
