# kind: correct
def _not_a_pair(v):
    raise ValueError(f"expected an int or a pair, got {v!r}")


def _from_tuple(v):
    if len(v) != 2:
        raise ValueError(f"expected 2 values, got {len(v)}")
    return v[0], v[1]


HANDLERS = {int: lambda v: (v, v), tuple: _from_tuple}


def force_pair(v) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    return HANDLERS.get(type(v), _not_a_pair)(v)
