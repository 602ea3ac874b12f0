# kind: correct
# with: MyConv2D__with_jitted_apply_helper
def conv2d_forward(seed, x, features, kernel_h, kernel_w, stride) -> jax.Array:
    model = MyConv2D(int(features), int(kernel_h), int(kernel_w), int(stride))
    return _apply(model, model.init(jax.random.PRNGKey(int(seed)), x), x)
