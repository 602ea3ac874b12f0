"""The channel out of the grading kernel: outputs survive it exactly, and nothing malformed gets through."""

import json
import math

import jax.numpy as jnp
import numpy as np
import pytest
import torch

from course.judging.payload import MalformedPayload, Opaque, decode
from course.kernel.encode import encode


def roundtrip(value):
    return decode(json.loads(json.dumps(encode(value))))


def test_arrays_of_every_framework_keep_values_dtype_shape_and_kind():
    for value, kind in (
        (torch.arange(6.0).reshape(2, 3)[:, ::2], "Tensor"),
        (np.float32([[1.5, -2]]), "ndarray"),
        (jnp.arange(4, dtype=jnp.int32), "ArrayImpl"),
        (torch.tensor(3.0, dtype=torch.float64), "Tensor"),
    ):
        got = roundtrip(value)
        expected = value.numpy() if isinstance(value, torch.Tensor) else np.asarray(value)
        assert (
            got.dtype == expected.dtype
            and got.shape == expected.shape
            and np.array_equal(got, expected)
        )
        assert got.kind == kind


def test_plain_values_keep_their_types():
    value = {"pair": (1, 2), "list": [1, 2.5, None, True, "s"], "nested": {"shape": (3, 4)}}
    assert roundtrip(value) == value
    assert type(roundtrip((1, 2))) is tuple and type(roundtrip([1, 2])) is list
    assert math.isnan(roundtrip(float("nan"))) and roundtrip(float("-inf")) == float("-inf")


def test_subclasses_lose_their_behaviour():
    class Always(tuple):
        pass

    assert roundtrip(Always((1, 2))) == [1, 2]
    assert isinstance(roundtrip(object()), Opaque) and roundtrip(object()).description == "object"
    assert isinstance(roundtrip(2**80), Opaque)


@pytest.mark.parametrize(
    "data",
    [
        {"plain": [1]},
        {"array": {"kind": "x", "dtype": "float64", "shape": [2], "data": "AAAA"}},
        {"array": {"kind": "x", "dtype": "object", "shape": [1], "data": ""}},
        {"array": {"kind": "x", "dtype": "float64", "shape": [-1], "data": ""}},
        {"array": {"kind": "x", "dtype": "float64", "shape": [1], "data": "!!!!"}},
        {"tuple": "abc"},
        {"dict": [1]},
        {"code": "print(1)"},
        [1, 2],
        {"plain": 1, "extra": 2},
    ],
)
def test_malformed_data_is_refused(data):
    with pytest.raises(MalformedPayload):
        decode(data)


def test_deep_nesting_is_refused():
    data = {"plain": 1}
    for _ in range(20):
        data = {"list": [data]}
    with pytest.raises(MalformedPayload):
        decode(data)


def test_encoding_never_raises():
    pair = torch.tensor([[1.0, 3.0]]).max(dim=-1)
    assert type(pair).__module__.startswith("torch") and isinstance(roundtrip(pair), list)

    class Broken:
        shape, dtype = (1,), "float32"

    assert isinstance(roundtrip(Broken()), Opaque)
