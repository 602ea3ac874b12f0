"""What an answer returned, as plain JSON data: the encoder that runs in the student's process.

It encodes whatever a student's code returned (arrays of any framework, numbers, tuples, strings,
None, nested dicts) as data that `course.judging.payload.decode` reads back, and never raises:
what it cannot read comes back as the name of its type. A record of one case (its outcomes,
forbidden calls and changed inputs) is encoded the same way.

`make release` copies this module into every student notebook, so it may import only the
standard library, NumPy and course modules that do the same.
"""

import base64
import math
from typing import Any

import numpy as np

from course.judging.exercise import Record
from course.judging.payload import DTYPES, MAX_DEPTH


def _array(value: Any) -> np.ndarray | None:
    """`value` as a NumPy array if it is one of the array types the course uses, else None."""
    module = type(value).__module__.split(".")[0]
    if module == "torch" and callable(getattr(value, "detach", None)):
        value = value.detach().cpu()
        return value.float().numpy() if str(value.dtype) == "torch.bfloat16" else value.numpy()
    if module in ("jax", "jaxlib", "numpy") and hasattr(value, "dtype") and hasattr(value, "shape"):
        array = np.asarray(value)
        return array.astype(np.float32) if array.dtype.name == "bfloat16" else array
    return None


def _number(value: float) -> Any:
    """A float as JSON: finite floats as themselves, inf and nan as text."""
    return value if math.isfinite(value) else {"float": repr(value)}


def encode(value: Any, depth: int = 0) -> Any:
    """`value` as JSON data that `decode` turns back into NumPy arrays and plain Python values; never raises."""
    try:
        return _encode(value, depth)
    except Exception as error:
        return {"object": f"{type(value).__name__} that could not be read ({type(error).__name__})"}


def _encode(value: Any, depth: int) -> Any:
    """`encode`, which may raise on values that misbehave."""
    if depth > MAX_DEPTH:
        return {"object": "nested too deeply"}
    if value is None or isinstance(value, bool):
        return {"plain": value}
    if isinstance(value, str):
        return {"plain": str.__str__(value)}
    if isinstance(value, int):
        number = int.__index__(value)
        return {"plain": number} if abs(number) < 2**53 else {"object": "int too large"}
    if isinstance(value, float):
        return {"plain": _number(float.__float__(value))}
    array = _array(value)
    if array is not None:
        if array.dtype.name not in DTYPES:
            return {"object": f"array of {array.dtype.name}"}
        contiguous = np.ascontiguousarray(array)
        return {
            "array": {
                "kind": type(value).__name__,
                "dtype": array.dtype.name,
                "shape": list(array.shape),
                "data": base64.b64encode(contiguous.tobytes()).decode("ascii"),
            }
        }
    if isinstance(value, (tuple, list)):
        return {
            type(value).__name__ if type(value) in (tuple, list) else "sequence": [
                encode(item, depth + 1) for item in value
            ]
        }
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {"dict": {key: encode(item, depth + 1) for key, item in value.items()}}
    return {"object": type(value).__name__}


def encode_record(record: Record) -> dict[str, Any]:
    """One case's record as JSON data."""
    outcomes = [
        {"label": o.label, "raised": o.raised}
        if o.raised is not None
        else {"label": o.label, "value": encode(o.value)}
        for o in record.outcomes
    ]
    return {
        "outcomes": outcomes,
        "forbidden": list(record.forbidden),
        "changed": list(record.changed),
    }
