# kind: correct
import einops


def conv_with_padding(x, kernel, padding_mode: float) -> jax.Array:
    """1-D cross-correlation of x (L,) with kernel (K,), stride 1: padding_mode 0.0 is "VALID", 1.0 is "SAME"."""
    lhs = einops.rearrange(jnp.asarray(x), "l -> 1 l 1")
    rhs = einops.rearrange(jnp.asarray(kernel), "k -> k 1 1")
    out = jax.lax.conv_general_dilated(lhs, rhs, [1], ["VALID", "SAME"][int(padding_mode)],
                                       dimension_numbers=("NWC", "WIO", "NWC"))
    return einops.rearrange(out, "1 l 1 -> l")
