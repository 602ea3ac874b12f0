# kind: correct
# with: MyConv1D__with_jitted_apply_helper
def conv1d_forward(seed, x, features, kernel_size):
    model = MyConv1D(int(features), int(kernel_size))
    variables = model.init(jax.random.PRNGKey(int(seed)), x)
    return _apply(model, variables, x)
