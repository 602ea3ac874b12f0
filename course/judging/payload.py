"""What an answer returned, as plain JSON data: how results leave the student's process, and are read back.

The student's process encodes whatever a student's code returned (`course.kernel.encode`); the
grader decodes it here with strict checks and judges it in its own process. Decoding never runs
code and never trusts the data: anything malformed raises `MalformedPayload`.

Shared by the grader and the student's kernel (whose visible checks judge a round trip of the
same data), so it may import only the standard library and NumPy.
"""

import base64
import math
from typing import Any

import numpy as np

MIME_TYPE = "application/vnd.course.results+json"
# How each line a grading process writes to the grader starts (`course.kernel.process`): a forbidden call, a
# refusal of the audit hook, the results payload, what the cells raised.
FORBIDDEN_LINE, REFUSED_LINE, PAYLOAD_LINE, DONE_LINE = (
    b"forbidden ",
    b"refused ",
    b"payload ",
    b"done ",
)
MAX_BYTES = 16 * 2**20
MAX_DEPTH = 8
DTYPES = frozenset(
    {
        "bool",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "float16",
        "float32",
        "float64",
        "complex64",
        "complex128",
    }
)


class MalformedPayload(ValueError):
    """Results that are not what the encoder in the student's process writes."""


class Opaque:
    """Something the student's process could not encode: only the name of its type came back."""

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
    if (
        dtype not in DTYPES
        or not isinstance(shape, list)
        or not all(isinstance(n, int) and n >= 0 for n in shape)
    ):
        raise MalformedPayload("an array entry has a bad dtype or shape")
    if (
        not isinstance(data, str)
        or len(data) > MAX_BYTES * 4 // 3 + 4
        or not isinstance(spec["kind"], str)
    ):
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
    ((tag, content),) = data.items()
    if tag == "plain":
        if (
            isinstance(content, dict)
            and set(content) == {"float"}
            and content["float"] in ("inf", "-inf", "nan")
        ):
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
