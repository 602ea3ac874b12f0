# kind: correct
def maxpool2d_jax(x: jax.Array, window, stride, padding: str) -> jax.Array:
    """Return the max pooling of x (H, W, C), channel by channel, with jax.lax.reduce_window."""

    def pair(v):
        match v:
            case int(n):
                return (n, n)
            case [h, w]:
                return (h, w)
            case _:
                raise ValueError(f"expected an int or an (h, w) pair, got {v!r}")

    match padding:
        case "VALID" | "SAME":
            pass
        case other:
            raise ValueError(f"padding must be 'VALID' or 'SAME', got {other!r}")
    (kh, kw), (sh, sw) = pair(window), pair(stride)
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (kh, kw, 1), (sh, sw, 1), padding)
