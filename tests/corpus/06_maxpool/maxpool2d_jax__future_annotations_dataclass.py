# kind: correct
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    height: int
    width: int

    @classmethod
    def of(cls, value: int | tuple[int, int]) -> Window:
        return cls(value, value) if isinstance(value, int) else cls(*value)

    def with_channels(self) -> tuple[int, int, int]:
        return (self.height, self.width, 1)


def maxpool2d_jax(x: jax.Array, window: int | tuple[int, int], stride: int | tuple[int, int],
                  padding: str) -> jax.Array:
    dims, steps = Window.of(window).with_channels(), Window.of(stride).with_channels()
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, dims, steps, padding)
