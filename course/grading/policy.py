"""What a solution cell may do, checked on its source before any of it runs.

Verdicts are decided outside the kernel (`course.grading.verdicts`), so the policy only keeps
solutions inside their exercise: it refuses code that could reach the grading machinery in the
kernel (the forbidden-call guard, the hidden tests' code and names) or beyond it. Concretely:

- imports only of the course's libraries and a few standard modules, never private ones;
- no private (`_name`) or special (`__name__`) attributes of anything but `self`; no frames,
  processes or threads, by attribute or in a string;
- no dynamic code or namespaces (eval, exec, globals, getattr with a computed name, ...);
- changes only to the solution's own objects: attributes only on `self`, nothing the notebook,
  a library or Python defines rebound or changed in place;
- no special methods beyond __init__, __call__ and __post_init__, and no classes built by type().

Everything else, in any style (loops, einsum, einops, jax.jit, type hints, match, lambdas,
local classes, assert, print), is accepted.
"""

import ast
import importlib.util
import re
from collections.abc import Mapping
from dataclasses import dataclass

ALLOWED_IMPORTS = frozenset({
    "torch", "numpy", "jax", "flax", "einops", "jaxtyping", "typing_extensions", "math", "itertools", "functools",
    "operator", "typing", "dataclasses", "collections", "numbers", "string", "__future__",
})
FORBIDDEN_BUILTINS = frozenset({
    "eval", "exec", "compile", "open", "globals", "locals", "vars", "__import__", "setattr", "delattr",
    "breakpoint", "input", "help", "exit", "quit", "get_ipython",
})
# Attributes that lead out of the exercise: frames and tracebacks, the interpreter and operating system,
# processes and threads, and torch.compile (which runs work in compiler subprocesses).
ESCAPE_ATTRIBUTES = frozenset({
    "f_back", "f_globals", "f_locals", "f_builtins", "f_code", "gi_frame", "gi_code", "cr_frame", "cr_code",
    "ag_frame", "tb_frame", "tb_next", "os", "sys", "modules", "environ", "system", "popen", "fork", "kill",
    "multiprocessing", "Process", "Thread", "DataLoader", "compile",
})
ALLOWED_DUNDERS = frozenset({"__init__", "__call__", "__name__", "__doc__"})
# Special methods a solution class may define.
ALLOWED_SPECIAL_METHODS = frozenset({"__init__", "__call__", "__post_init__"})
SPECIAL_NAME = re.compile(r"__\w+__")
ATTRIBUTE_PATH = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*")
OWN_OBJECTS = frozenset({"self", "cls"})
# Methods that change a container in place: called on a notebook CONSTANT, they tamper with the notebook.
MUTATING_METHODS = frozenset({"update", "append", "extend", "insert", "pop", "popitem", "clear", "setdefault",
                              "remove", "discard", "add", "sort", "reverse"})


@dataclass(frozen=True)
class Violation:
    """One thing a solution cell does that grading does not allow."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def _root(node: ast.AST) -> ast.AST:
    """The expression an attribute, subscript or call chain starts from: `torch` in `torch.nn.functional.pad(x)`."""
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call, ast.Starred)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node


def _attribute_problem(name: str, on_own_object: bool) -> str | None:
    """Why reading attribute `name` is refused, or None if it is allowed."""
    if SPECIAL_NAME.fullmatch(name):
        return None if name in ALLOWED_DUNDERS else f"uses the special attribute .{name}"
    if name.startswith("_") and not on_own_object:
        return f"uses the private attribute .{name}"
    if name in ESCAPE_ATTRIBUTES:
        return f"uses .{name}, which leads out of the exercise"
    return None


class _Checker(ast.NodeVisitor):
    """Collects the violations of one cell."""

    def __init__(self, reserved: Mapping[str, str]) -> None:
        self.reserved = reserved
        self.violations: list[Violation] = []

    def flag(self, node: ast.AST, message: str) -> None:
        self.violations.append(Violation(getattr(node, "lineno", 0), message))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.check_module(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self.check_module(node, "." * node.level + (node.module or ""))
        for alias in node.names:
            if alias.name == "*":
                self.flag(node, "`import *` is not allowed in a solution cell")
            elif alias.name.startswith("_") and node.module != "__future__":
                self.flag(node, f"imports the private name {alias.name!r}")
            elif alias.name in ESCAPE_ATTRIBUTES:
                self.flag(node, f"imports {alias.name}, which leads out of the exercise")

    def check_module(self, node: ast.AST, module: str) -> None:
        parts = module.split(".")
        if parts[0] not in ALLOWED_IMPORTS:
            self.flag(node, f"imports {module!r}; solution cells may import only {', '.join(sorted(ALLOWED_IMPORTS))}")
        elif module != "__future__" and any(part.startswith("_") for part in parts):
            self.flag(node, f"imports the private module {module!r}")
        elif any(part in ESCAPE_ATTRIBUTES for part in parts):
            self.flag(node, f"imports {module!r}, which leads out of the exercise")

    def visit_Global(self, node: ast.Global) -> None:
        self.flag(node, "`global` is not allowed: return results instead of changing notebook variables")

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in FORBIDDEN_BUILTINS:
            self.flag(node, f"uses {node.id}(), which grading does not allow")
        elif node.id.startswith("__") and node.id != "__name__":
            self.flag(node, f"uses {node.id}, which grading does not allow")

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        if SPECIAL_NAME.fullmatch(node.name) and node.name not in ALLOWED_SPECIAL_METHODS:
            self.flag(node, f"defines the special method {node.name}; solution classes may define only "
                            f"{', '.join(sorted(ALLOWED_SPECIAL_METHODS))}")
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Attribute(self, node: ast.Attribute) -> None:
        root = _root(node.value)
        own = isinstance(root, ast.Name) and root.id in OWN_OBJECTS
        changes = isinstance(node.ctx, (ast.Store, ast.Del))
        if changes and SPECIAL_NAME.fullmatch(node.attr):
            self.flag(node, f"changes the special attribute .{node.attr}")
        elif changes and not own:
            self.flag(node, f"changes {ast.unparse(node)}: a solution may set attributes only on self")
        elif problem := _attribute_problem(node.attr, own):
            self.flag(node, problem)
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        root = _root(node.value)
        if isinstance(node.ctx, (ast.Store, ast.Del)) and isinstance(root, ast.Name) and root.id in self.reserved:
            self.flag(node, f"changes {ast.unparse(node)}, which belongs to a library or the notebook")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if not isinstance(node.value, str):
            return
        if SPECIAL_NAME.fullmatch(node.value):
            self.flag(node, f"names the special attribute {node.value!r} in a string")
        elif ATTRIBUTE_PATH.fullmatch(node.value):
            parts = node.value.split(".")
            if any(part in ESCAPE_ATTRIBUTES or (part.startswith("_") and len(part) > 1) for part in parts):
                self.flag(node, f"names {node.value!r} in a string, which leads out of the exercise")

    def visit_Call(self, node: ast.Call) -> None:
        function = node.func
        if isinstance(function, ast.Name) and function.id == "type" and len(node.args) != 1:
            self.flag(node, "type() with three arguments builds a class around the rules; write a class statement")
        elif (isinstance(function, ast.Attribute) and function.attr in MUTATING_METHODS
              and isinstance(function.value, ast.Name) and function.value.id in self.reserved
              and function.value.id.isupper()):
            self.flag(node, f"changes {function.value.id}, which belongs to the notebook")
        if isinstance(function, ast.Name) and function.id == "getattr":
            name = node.args[1] if len(node.args) >= 2 else None
            if not (isinstance(name, ast.Constant) and isinstance(name.value, str)):
                self.flag(node, "getattr() with a computed attribute name is not allowed")
            else:
                problem = _attribute_problem(name.value, False)
                if problem:
                    self.flag(node, f"getattr(): {problem}")
        self.generic_visit(node)


def protected_bindings(source: str) -> set[str]:
    """Names a notebook cell binds that tests rely on: definitions, imports and CONSTANTS ('' if it does not parse)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {name for name in top_level_bindings(tree) if name.isupper() or name in _definitions_and_imports(tree)}


def _definitions_and_imports(tree: ast.Module) -> set[str]:
    """Names bound at top level by def, class and import."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def _is_module(dotted: str) -> bool:
    """Whether `dotted` names an importable module (only allowed packages are looked up)."""
    if dotted.split(".")[0] not in ALLOWED_IMPORTS:
        return False
    try:
        return importlib.util.find_spec(dotted) is not None
    except (ImportError, ValueError):
        return False


def module_imports(tree: ast.Module) -> set[str]:
    """Names a cell binds at top level to a module, as in `import numpy as np` or `from torch.nn import functional as F`."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.update(a.asname or a.name for a in node.names if _is_module(f"{node.module}.{a.name}"))
    return names


def imported_origins(source: str) -> dict[str, str]:
    """What each name a cell imports at top level stands for: {"F": "torch.nn.functional", "partial": "functools.partial"}."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return {}
    origins = {}
    for node in body:
        if isinstance(node, ast.Import):
            origins.update({a.asname or a.name.split(".")[0]: a.name if a.asname else a.name.split(".")[0]
                            for a in node.names})
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            origins.update({a.asname or a.name: f"{node.module}.{a.name}" for a in node.names if a.name != "*"})
    return origins


def top_level_bindings(tree: ast.Module) -> set[str]:
    """Names a cell binds at top level: definitions, imports, assignments."""
    names = _definitions_and_imports(tree)
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
            names.update(c.id for c in ast.walk(node) if isinstance(c, ast.Name) and isinstance(c.ctx, ast.Store))
    return names


def bound_names(tree: ast.Module) -> set[str]:
    """Every name a cell binds anywhere: assignments, parameters, definitions, imports, handlers, patterns."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.add(node.rest)
    return names


def _foreign_private_reads(tree: ast.Module) -> list[ast.Name]:
    """Reads of `_name`s the cell does not bind: the hidden tests' temporaries, such as `_reference`."""
    own = bound_names(tree)
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id.startswith("_")
            and not node.id.startswith("__") and node.id not in own]


def violations(source: str, reserved: Mapping[str, str]) -> list[Violation]:
    """Everything in a solution cell's `source` that grading refuses.

    `reserved` maps the names the notebook's own cells define (helpers, imports, test constants) to
    what they were imported from ("" if not imported): a solution cell may use them but not rebind
    them, except by importing the very same thing again (`from functools import partial`).
    """
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        return [Violation(error.lineno or 0, f"syntax error: {error.msg}")]
    checker = _Checker(reserved)
    checker.visit(tree)
    found = checker.violations
    found += [Violation(node.lineno, f"reads {node.id}, which this cell does not define: names starting with _ "
                                     "belong to the hidden tests")
              for node in _foreign_private_reads(tree)]
    same = {name for name, origin in imported_origins(source).items() if origin and reserved.get(name) == origin}
    rebound = top_level_bindings(tree) - module_imports(tree) - same
    found += [Violation(0, f"redefines {name!r}, which Python or the notebook's own cells define")
              for name in sorted(rebound & reserved.keys())]
    return found
