# kind: correct
from __future__ import annotations


def conv2d_forward(seed: float, x: jax.Array, features: float, kernel_h: float, kernel_w: float,
                   stride: float) -> jax.Array:
    """Build MyConv2D with nnx.Rngs(int(seed)), apply it to x (H, W, C_in) and return the flattened output."""
    layer: MyConv2D = MyConv2D(x.shape[-1], int(features), int(kernel_h), int(kernel_w), int(stride),
                               rngs=nnx.Rngs(int(seed)))
    out: jax.Array = layer(x)
    return jnp.reshape(out, (-1,))
