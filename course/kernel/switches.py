"""Turn an exercise's forbidden operation off in this process: for the length of a visible check, or for good.

An operation (`course.judging.forbidden`) is switched off where each framework keeps it, so that no
alias, saved reference, thread, decorator or compiled path still reaches it:

- PyTorch: every kernel of its operators that computes (CPU, Meta, the composite kernels the others are
  built from...) is replaced in the dispatcher by one that refuses, for every thread and below Python
  (TorchScript, `torch.jit.fork`, `vmap`, quantized and MKL-DNN tensors all dispatch through it);
- JAX: the primitive's evaluation rules refuse, so jax.numpy, jax.lax and Flax fail when they bind it;
- NumPy, JAX and Flax functions and classes: a Python function's code is swapped for code that
  refuses, whoever holds the function; a C function is replaced wherever the process keeps a
  reference to it (modules, classes, closures, lists).

`switched_off` undoes all of it when the block ends; visible checks use it. `destroy`, which a grading
process runs before any student code, keeps nothing to undo it with: the dispatcher registrations are
owned by nothing Python can reach, the replaced code and the lowering rules are gone.

`make release` copies this module into every student notebook, so it may import only the standard
library, the course's third-party packages and course modules that do the same.
"""

import contextlib
import ctypes
import gc
import importlib
import re
import sys
import types
import warnings
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, NoReturn

from course.judging.forbidden import Operation

# Dispatch keys whose kernels compute an operator's result; the others (autograd, autocast, vmap...) pass it on.
COMPUTE_KEYS = (
    "CPU",
    "CUDA",
    "Meta",
    "QuantizedCPU",
    "QuantizedCUDA",
    "SparseCPU",
    "SparseCUDA",
    "SparseCsrCPU",
    "SparseCsrCUDA",
    "MkldnnCPU",
    "NestedTensorCPU",
    "NestedTensorCUDA",
    "CompositeExplicitAutograd",
    "CompositeExplicitAutogradNonFunctional",
    "CompositeImplicitAutograd",
    "CompositeImplicitAutogradNestedTensor",
)
# The methods of a forbidden class that build or run it.
CLASS_METHODS = ("__init__", "__call__")

Refuse = Callable[[str], NoReturn]


class ForbiddenCall(RuntimeError):
    """An answer called a library operation that its exercise asks students to write themselves."""


# PyTorch


def torch_operators(pattern: str) -> list[str]:
    """The dispatcher's operators ("aten::conv2d.padding") whose name, without namespace and overload, matches."""
    import torch

    matches = re.compile(pattern).fullmatch
    return sorted(
        name
        for name in torch._C._dispatch_get_all_op_names()
        if matches(name.partition("::")[2].partition(".")[0])
    )


def shown_operator(qualified: str) -> str:
    """How messages name a PyTorch operator: "PyTorch's conv2d (aten::conv2d)"."""
    name = qualified.partition("::")[2].partition(".")[0]
    return f"PyTorch's {name} ({qualified.partition('.')[0]})"


def _operator_refusal(qualified: str, refuse: Refuse) -> Callable[..., NoReturn]:
    """The kernel that replaces every computing kernel of one operator."""

    def refused(*args: Any, **kwargs: Any) -> NoReturn:
        refuse(shown_operator(qualified))

    return refused


_COMPUTING: dict[str, list[tuple[str, str]]] = {}  # (operator, dispatch key) pairs, by pattern


def computing_kernels(pattern: str) -> list[tuple[str, str]]:
    """(operator, dispatch key) for every kernel that computes an operator matching `pattern`."""
    import torch

    if pattern not in _COMPUTING:
        C = torch._C
        keys = [
            (key, getattr(C.DispatchKey, key))
            for key in COMPUTE_KEYS
            if hasattr(C.DispatchKey, key)
        ]
        _COMPUTING[pattern] = [
            (qualified, key)
            for qualified in torch_operators(pattern)
            for key, dispatch_key in keys
            if C._dispatch_has_kernel_for_dispatch_key(qualified, dispatch_key)
        ]
    return _COMPUTING[pattern]


def refuse_operators(pattern: str, refuse: Refuse) -> list[Any]:
    """Register refusing kernels for every operator matching `pattern`; return the registrations' handles.

    A registration lasts as long as its handle: dropping one restores what it replaced.
    """
    import torch

    handles: dict[tuple[str, str], Any] = {}
    with warnings.catch_warnings():  # "overriding a previously registered kernel" is the point here
        warnings.simplefilter("ignore")
        for qualified, key in computing_kernels(pattern) if pattern else []:
            namespace, _, name = qualified.partition("::")
            if (namespace, key) not in handles:
                handles[namespace, key] = torch._C._dispatch_library(
                    "IMPL", namespace, key, "course", 0
                )
            handles[namespace, key].impl(name, key, _operator_refusal(qualified, refuse), False)
    return list(handles.values())


# Python functions, classes and C functions of NumPy, JAX and Flax


def resolve(dotted: str, import_missing: bool) -> Any:
    """The object a dotted name such as "flax.linen.Conv" names, or None if this version has none.

    Unless `import_missing`, only what is imported already counts: a notebook that never imports
    flax.nnx does not import it for a check.
    """
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        module = ".".join(parts[:split])
        if not import_missing and module not in sys.modules:
            continue
        try:
            found: Any = importlib.import_module(module)
        except ImportError:
            continue
        for name in parts[split:]:
            found = (
                vars(found).get(name)
                if isinstance(found, types.ModuleType)
                else getattr(found, name, None)
            )
        return found
    return None


def implementations(target: Any) -> list[types.FunctionType]:
    """The Python functions that do what `target` does: itself, what it wraps, a class's own methods."""
    if isinstance(target, type):
        found = [
            vars(cls)[name]
            for cls in target.__mro__
            if cls.__module__ == target.__module__
            for name in CLASS_METHODS
            if name in vars(cls)
        ]
    else:
        found = [target]
    functions: list[types.FunctionType] = []
    for item in found:
        while item is not None and not any(item is known for known in functions):
            if isinstance(item, types.FunctionType):
                functions.append(item)
            item = getattr(item, "__wrapped__", None)
    return functions


def _refusing_code(function: types.FunctionType, refusal: str) -> types.CodeType:
    """Code for `function` that calls the global `refusal` and keeps its free variables, so it can be swapped in."""
    free = function.__code__.co_freevars
    source = (
        "def outer():\n"
        + "".join(f"    {name} = None\n" for name in free)
        + "    def stand_in(*args, **kwargs):\n"
        + (f"        {', '.join(free)}\n" if free else "")
        + f"        return {refusal}()\n    return stand_in\n"
    )
    scope: dict[str, Any] = {}
    exec(compile(source, "<forbidden>", "exec"), scope)
    return scope["outer"]().__code__


def swap_code(function: types.FunctionType, shown: str, refuse: Refuse) -> Callable[[], None]:
    """Make `function` refuse every call, whoever holds it; return how to undo that."""
    refusal = f"_course_refusal_{id(function)}"
    saved = function.__code__
    function.__globals__[refusal] = lambda: refuse(shown)
    function.__code__ = _refusing_code(function, refusal)

    def undo() -> None:
        function.__code__ = saved
        function.__globals__.pop(refusal, None)

    return undo


def _namespace(cls: type) -> dict:
    """The dict behind a class's `vars()`, which a C extension's class does not let `setattr` change."""
    return gc.get_referents(vars(cls))[0]


def _owners(namespaces: list[dict], originals: list[Any]) -> dict[int, type]:
    """The classes whose own namespaces some of `namespaces` are, by the namespace's id.

    A Python class refers to its namespace; a C extension's class (NumPy's ndarray) is found through the
    methods of its that are among `originals`.
    """
    owners: dict[int, type] = {}
    if namespaces:
        wanted = {id(namespace) for namespace in namespaces}
        for owner in gc.get_referrers(*namespaces):
            if isinstance(owner, type):
                owners.update({id(r): owner for r in gc.get_referents(owner) if id(r) in wanted})
    for original in originals:
        owner = getattr(original, "__objclass__", None)
        if isinstance(owner, type) and id(_namespace(owner)) in {
            id(namespace) for namespace in namespaces
        }:
            owners[id(_namespace(owner))] = owner
    return owners


def set_class_attribute(owner: type, name: str, value: Any) -> None:
    """Set a class's attribute, also on a C extension's class, and keep Python's method caches right."""
    try:
        setattr(owner, name, value)
    except TypeError:  # an immutable type: its namespace is written directly, and its caches told
        _namespace(owner)[name] = value
        ctypes.pythonapi.PyType_Modified(ctypes.py_object(owner))


def references(originals: list[Any], mine: list[Any]) -> list[tuple[Any, ...]]:
    """Where the process keeps references to `originals`: (container, key or index, class owning it or None).

    Module and instance namespaces, class namespaces, lists, sets and closure cells are searched;
    `mine` are containers of the caller's to skip.
    """
    wanted = {id(original) for original in originals}
    modules = {
        id(vars(module))
        for module in list(sys.modules.values())
        if isinstance(module, types.ModuleType)
    }
    containers = [
        c
        for c in gc.get_referrers(*originals)
        if c is not originals and not any(c is m for m in mine)
    ]
    owners = _owners(
        [c for c in containers if isinstance(c, dict) and id(c) not in modules], originals
    )
    found: list[tuple[Any, ...]] = []
    for container in containers:
        if isinstance(container, dict):
            found += [
                (container, key, owners.get(id(container)))
                for key, value in list(container.items())
                if id(value) in wanted
            ]
        elif isinstance(container, list):
            found += [
                (container, index, None)
                for index, value in enumerate(container)
                if id(value) in wanted
            ]
        elif isinstance(container, set):
            found += [(container, value, None) for value in container if id(value) in wanted]
        elif isinstance(container, types.CellType):
            found.append((container, None, None))
    return found


def put(
    locations: list[tuple[Any, ...]], replacements: dict[int, tuple[Any, Any]]
) -> Callable[[], None]:
    """Put each replacement at those of `locations` that still hold its original (by id); return how to undo it."""
    undo: list[Callable[[], None]] = []

    def held(value: Any) -> bool:
        return id(value) in replacements and value is replacements[id(value)][0]

    for container, key, owner in locations:
        if isinstance(container, types.CellType):
            value = container.cell_contents
            if held(value):
                container.cell_contents = replacements[id(value)][1]
                undo.append(partial(setattr, container, "cell_contents", value))
        elif isinstance(container, set):
            if key in container and held(key):
                container.discard(key)
                container.add(replacements[id(key)][1])
                undo += [
                    partial(container.discard, replacements[id(key)][1]),
                    partial(container.add, key),
                ]
        elif owner is not None:
            value = vars(owner).get(key)
            if held(value):
                set_class_attribute(owner, key, replacements[id(value)][1])
                undo.append(partial(set_class_attribute, owner, key, value))
        else:
            value = container.get(key) if isinstance(container, dict) else container[key]
            if held(value):
                container[key] = replacements[id(value)][1]
                undo.append(partial(container.__setitem__, key, value))

    def restore() -> None:
        for step in reversed(undo):
            step()

    return restore


def replace_everywhere(
    replacements: dict[int, tuple[Any, Any]], mine: list[Any]
) -> Callable[[], None]:
    """Put each replacement wherever the process keeps its original (by id); return how to undo that."""
    return put(references([original for original, _ in replacements.values()], mine), replacements)


def stand_in(shown: str, refuse: Refuse) -> Callable[..., NoReturn]:
    """What stands in for a forbidden C function (or a ufunc, a compiled wrapper, a primitive's rule)."""

    def refused(*args: Any, **kwargs: Any) -> NoReturn:
        refuse(shown)

    refused.__name__ = refused.__qualname__ = shown.rpartition(".")[2]
    return refused


# where C targets were found, for switched_off
_FOUND: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}


def switch_off_python(
    targets: tuple[str, ...], refuse: Refuse, import_missing: bool
) -> Callable[[], None]:
    """Switch off NumPy, JAX and Flax functions and classes by dotted name; return how to undo it.

    Reversibly (not `import_missing`), where the process keeps a C target is looked up once and reused;
    the notebook's own namespace is looked at every time.
    """
    undo: list[Callable[[], None]] = []
    replacements: dict[int, tuple[Any, Any]] = {}
    done: list[Any] = []
    for dotted in targets:
        target = resolve(dotted, import_missing)
        if target is None or any(target is seen for seen in done):
            continue
        done.append(target)
        undo += [swap_code(function, dotted, refuse) for function in implementations(target)]
        if not isinstance(target, (type, types.FunctionType)):
            replacements[id(target)] = (target, stand_in(dotted, refuse))
    if replacements and import_missing:
        undo.append(replace_everywhere(replacements, [replacements, done, undo]))
    elif replacements:
        if targets not in _FOUND:
            _FOUND[targets] = references(
                [original for original, _ in replacements.values()],
                [replacements, done, undo, _FOUND],
            )
        main = vars(sys.modules["__main__"]) if "__main__" in sys.modules else {}
        undo.append(put(_FOUND[targets] + [(main, key, None) for key in list(main)], replacements))

    def restore() -> None:
        for step in reversed(undo):
            step()

    return restore


# JAX primitives


def primitives(names: tuple[str, ...], import_missing: bool) -> list[Any]:
    """The JAX primitives of these names that this version of JAX has."""
    lax = resolve("jax.lax", import_missing)
    return (
        [p for p in (getattr(lax, f"{name}_p", None) for name in names) if p is not None]
        if lax
        else []
    )


def refuse_primitives(
    names: tuple[str, ...], refuse: Refuse, import_missing: bool
) -> Callable[[], None]:
    """Make binding these primitives refuse, eagerly and while tracing; return how to undo it."""
    undo: list[Callable[[], None]] = []
    for primitive in primitives(names, import_missing):
        shown = f"JAX's {primitive.name} (jax.lax.{primitive.name})"
        for rule in ("impl", "abstract_eval"):
            saved = vars(primitive).get(rule)
            setattr(primitive, rule, stand_in(shown, refuse))
            undo.append(
                partial(setattr, primitive, rule, saved)
                if saved is not None
                else partial(delattr, primitive, rule)
            )

    def restore() -> None:
        for step in reversed(undo):
            step()

    return restore


def remove_lowerings(names: tuple[str, ...], refuse: Refuse) -> None:
    """Take these primitives out of JAX's compiler for good: their lowering rules are unregistered and refuse."""
    from jax._src.interpreters import mlir

    tables = [mlir._lowerings, *getattr(mlir, "_platform_specific_lowerings", {}).values()]
    for primitive in primitives(names, import_missing=True):
        for table in tables:
            entry = table.pop(primitive, None)
            rule = getattr(entry, "rule", entry)
            # a platform's rule is often a partial of the generic one
            rule = getattr(rule, "func", rule)
            if isinstance(rule, types.FunctionType):
                swap_code(rule, f"JAX's {primitive.name} (jax.lax.{primitive.name})", refuse)


def clear_jax_caches() -> None:
    """Forget what JAX compiled or traced so far, so that nothing compiled before still runs."""
    if "jax" in sys.modules:
        sys.modules["jax"].clear_caches()


@contextlib.contextmanager
def switched_off(operation: Operation, refuse: Refuse) -> Iterator[None]:
    """While active, `operation` refuses in this process (in the packages it has imported); then all is restored."""
    handles = refuse_operators(operation.aten, refuse) if operation.aten else []
    undo = [
        switch_off_python(operation.python, refuse, import_missing=False),
        refuse_primitives(operation.primitives, refuse, import_missing=False),
    ]
    try:
        yield
    finally:
        for restore in reversed(undo):
            restore()
        for handle in handles:
            handle.reset()


def destroy(operation: Operation, refuse: Refuse) -> None:
    """Switch `operation` off in this process for good, leaving nothing that could turn it back on."""
    for handle in refuse_operators(operation.aten, refuse) if operation.aten else []:
        # owned by nothing Python can reach, so it stays
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(handle))
    switch_off_python(operation.python, refuse, import_missing=True)
    refuse_primitives(operation.primitives, refuse, import_missing=True)
    if operation.primitives:
        remove_lowerings(operation.primitives, refuse)
    clear_jax_caches()


__all__ = ["ForbiddenCall", "destroy", "switched_off"]
