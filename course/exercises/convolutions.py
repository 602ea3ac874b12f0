"""Exercises that re-implement a torch convolution: the library's convolution is the reference.

Used by the notebooks that write conv1d and conv2d from `as_strided` windows. Every library's
convolution is forbidden in all of them (a 2-D one can fake a 1-D one and the reverse, and NumPy's
or JAX's compute the same), and the known mistakes are the library convolution applied to
transformed inputs: x read as if contiguous or from its storage's start, a flipped kernel, weights
read in the wrong layout.

`make release` copies this module, and the course modules it imports, into every student notebook.
"""

from typing import Any

import torch

from course.exercises.tensors import (
    OUT_OF_BOUNDS,
    TorchFunction,
    as_if_contiguous,
    from_storage_start,
)
from course.judging.checks import Mistake
from course.judging.forbidden import CONVOLUTION

OFF_BY_ONE = Mistake(
    "output-size-off-by-one",
    "the output size is off by one: a kernel of size k fits in size - k + 1 positions along an axis "
    "of that size.",
)


class TorchConvolution(TorchFunction):
    """A torch convolution `(x, weights, ...) -> out`, judged against the library's, in float64.

    Subclasses give `convolve` (the library call) and `flip_dims` (the kernel's spatial axes).
    """

    arguments: tuple[str, ...] = ("x", "weights")
    tensors: tuple[str, ...] = ("x", "weights")
    keep_dtype = "x"
    forbidden = CONVOLUTION
    flip_dims: tuple[int, ...] = (-1,)
    dtype_mistake = Mistake(
        "dtype-not-kept",
        "return the result in x's dtype, as the library's convolution does: create any buffer "
        "with dtype=x.dtype.",
    )
    error_hints = {
        OUT_OF_BOUNDS: Mistake(
            "view-out-of-bounds",
            "the as_strided view reaches past the end of x's memory: check its size first (how many "
            "windows fit: size - kernel + 1 per axis), then its strides, built from x.stride().",
        ),
        "view size is not compatible": Mistake(
            "view-on-non-contiguous",
            "an input may be non-contiguous (weights too): use .reshape, never .view.",
        ),
    }

    def convolve(self, *args: Any, **kwargs: Any) -> torch.Tensor:
        """The library's convolution of `x` with `weights`."""
        raise NotImplementedError

    def reference(self, x: torch.Tensor, weights: torch.Tensor, **options: Any) -> torch.Tensor:
        return self.convolve(x.double(), weights.double(), **options)

    def mistakes(
        self, x: torch.Tensor, weights: torch.Tensor, **options: Any
    ) -> dict[Mistake, Any]:
        def convolve(inputs: torch.Tensor, kernel: torch.Tensor) -> torch.Tensor:
            return self.reference(inputs, kernel, **options)

        found = {
            Mistake(
                "assumes-contiguous-x",
                "the windows assume a contiguous x: build their strides from x.stride()",
            ): lambda: convolve(as_if_contiguous(x), weights),
            Mistake(
                "storage-offset-zero",
                "storage_offset=0 was passed, so the windows start at the storage's start rather than at x's "
                "first element: leave storage_offset out",
            ): lambda: convolve(from_storage_start(x), weights),
            Mistake(
                "kernel-flipped",
                "the kernel is flipped: that is a true convolution (like np.convolve / jnp.convolve), but a "
                "conv layer computes a cross-correlation",
            ): lambda: convolve(x, weights.flip(self.flip_dims)),
            Mistake(
                "assumes-contiguous-weights",
                "the weights are read as if they were contiguous: use weights.stride(), or index them",
            ): lambda: convolve(x, as_if_contiguous(weights)),
        }
        if weights.dim() > 2:
            found[
                Mistake(
                    "only-channel-0-used",
                    "the sum forgot the input channels: only channel 0 was used",
                )
            ] = lambda: convolve(x[:, :1], weights[:, :1])
            if weights.shape[0] == weights.shape[1]:
                found[
                    Mistake(
                        "weight-channels-swapped",
                        "weights were read as (ic, oc, ...); PyTorch's layout is (oc, ic, ...): output "
                        "channel first",
                    )
                ] = lambda: convolve(x, weights.transpose(0, 1))
        return found
