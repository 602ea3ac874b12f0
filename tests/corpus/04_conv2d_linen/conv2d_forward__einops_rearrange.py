# kind: correct
import einops


def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride) -> jax.Array:
    """Initialise MyConv2D with PRNGKey(int(seed)) on x (H, W, C_in), apply it to x and return the output flattened."""
    model = MyConv2D(features=int(features), kernel_h=int(kernel_h), kernel_w=int(kernel_w), stride=int(stride))
    out = model.apply(model.init(jax.random.key(int(seed)), x), x)
    return einops.rearrange(out, "h w f -> (h w f)")
