# kind: correct
from __future__ import annotations

from typing import Union

IntOrPair = Union[int, "tuple[int, int]"]


def force_pair(v: IntOrPair) -> tuple[int, int]:
    """Return v as a (height, width) pair: an int gives (v, v), a 2-tuple itself; anything else raises ValueError."""
    if isinstance(v, int):
        result = (v, v)
    elif isinstance(v, tuple) and len(v) == 2:
        result = (v[0], v[1])
    else:
        raise ValueError(f"expected an int or a pair, got {v!r}")
    assert len(result) == 2
    return result
