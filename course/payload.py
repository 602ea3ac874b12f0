"""What an answer returned, as plain JSON data: how results leave the grading kernel.

The kernel encodes whatever a student's code returned (arrays of any framework, numbers,
tuples, strings, None, nested dicts); the grader decodes it with strict checks and judges it
in its own process. Decoding never runs code and never trusts the data: anything malformed
raises `MalformedPayload`.

`make release` copies this module into every student notebook, so it may import only the
standard library and NumPy.
"""

import base64
import math
from typing import Any

import numpy as np

MIME_TYPE = "application/vnd.course.results+json"
MAX_BYTES = 16 * 2**20
MAX_DEPTH = 8
DTYPES = frozenset({"bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
                    "float16", "float32", "float64", "complex64", "complex128"})


class MalformedPayload(ValueError):
    """Results that are not what the grading kernel's encoder writes."""


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
        return {"array": {"kind": type(value).__name__, "dtype": array.dtype.name, "shape": list(array.shape),
                          "data": base64.b64encode(contiguous.tobytes()).decode("ascii")}}
    if isinstance(value, (tuple, list)):
        return {type(value).__name__ if type(value) in (tuple, list) else "sequence":
                [encode(item, depth + 1) for item in value]}
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {"dict": {key: encode(item, depth + 1) for key, item in value.items()}}
    return {"object": type(value).__name__}


class Opaque:
    """Something the kernel could not encode: only the name of its type came back."""

    def __init__(self, description: str) -> None:
        self.description = description

    def __repr__(self) -> str:
        return f"<{self.description}>"


class Returned(np.ndarray):
    """A decoded array that remembers the type the answer returned (Tensor, Array, ndarray...)."""

    kind: str = "ndarray"


def _decode_array(spec: Any) -> np.ndarray:
    """The array that `encode` wrote as {"kind", "dtype", "shape", "data"}."""
    if not isinstance(spec, dict) or set(spec) != {"kind", "dtype", "shape", "data"}:
        raise MalformedPayload("an array entry has the wrong fields")
    dtype, shape, data = spec["dtype"], spec["shape"], spec["data"]
    if dtype not in DTYPES or not isinstance(shape, list) or not all(isinstance(n, int) and 0 <= n for n in shape):
        raise MalformedPayload("an array entry has a bad dtype or shape")
    if not isinstance(data, str) or len(data) > MAX_BYTES * 4 // 3 + 4 or not isinstance(spec["kind"], str):
        raise MalformedPayload("an array entry is too large or not text")
    try:
        raw = base64.b64decode(data, validate=True)
    except ValueError as error:
        raise MalformedPayload(f"an array entry is not base64: {error}") from None
    if len(raw) != math.prod(shape) * np.dtype(dtype).itemsize:
        raise MalformedPayload("an array entry's data does not match its shape")
    array = np.frombuffer(raw, dtype=dtype).reshape(shape).copy().view(Returned)
    array.kind = spec["kind"][:40]
    return array


def decode(data: Any, depth: int = 0) -> Any:
    """The value `encode` wrote; raises MalformedPayload on anything else."""
    if depth > MAX_DEPTH + 1 or not isinstance(data, dict) or len(data) != 1:
        raise MalformedPayload("an entry is not a one-key object")
    (tag, content), = data.items()
    if tag == "plain":
        if isinstance(content, dict) and set(content) == {"float"} and content["float"] in ("inf", "-inf", "nan"):
            return float(content["float"])
        if content is None or isinstance(content, (bool, int, float, str)):
            return content
    elif tag == "array":
        return _decode_array(content)
    elif tag in ("tuple", "list", "sequence") and isinstance(content, list):
        items = [decode(item, depth + 1) for item in content]
        return tuple(items) if tag == "tuple" else items
    elif tag == "dict" and isinstance(content, dict):
        return {str(key): decode(item, depth + 1) for key, item in content.items()}
    elif tag == "object" and isinstance(content, str):
        return Opaque(content[:80])
    raise MalformedPayload(f"an entry tagged {tag!r} has unexpected content")
