"""What a solution cell may do, checked on its source before any of it runs.

Grading runs student code in the same kernel as the hidden tests, so code that reaches
outside its own exercise (patches libraries, rebinds the notebook's check helpers, reads
frames or files, starts processes) is refused before execution and that exercise scores 0.
"""

import ast
import importlib.util
import re
from dataclasses import dataclass

ALLOWED_IMPORTS = frozenset({
    "torch", "numpy", "jax", "flax", "einops", "math", "itertools", "functools", "operator", "typing",
    "dataclasses", "collections", "numbers", "string",
})
FORBIDDEN_BUILTINS = frozenset({
    "eval", "exec", "compile", "open", "globals", "locals", "vars", "__import__", "setattr", "delattr",
    "breakpoint", "input", "help", "memoryview", "exit", "quit",
})
# Attributes that lead out of the exercise: frames, process control, private internals, the network,
# and compilers (TorchScript, torch.compile) whose calls bypass the checks' watch on torch functions.
FORBIDDEN_ATTRIBUTES = frozenset({
    "f_back", "f_globals", "f_locals", "f_builtins", "f_code", "gi_frame", "cr_frame", "ag_frame", "tb_frame",
    "tb_next", "multiprocessing", "hub", "load", "save", "system", "popen", "fork", "kill", "modules",
    "set_flags", "set_printoptions", "config", "backends", "jit", "compile",
})
ALLOWED_DUNDERS = frozenset({"__init__", "__call__", "__name__", "__doc__"})
# Special methods a solution class may define: others (__eq__, __ne__, __array__, __torch_function__...)
# could make a wrong answer compare equal to the expected one.
ALLOWED_SPECIAL_METHODS = frozenset({"__init__", "__call__", "__post_init__"})
SPECIAL_NAME = re.compile(r"__\w+__")
# Methods that change a container in place: called on a notebook CONSTANT, they tamper with the tests.
MUTATING_METHODS = frozenset({"update", "append", "extend", "insert", "pop", "popitem", "clear", "setdefault",
                              "remove", "discard", "add", "sort", "reverse", "__setitem__"})


@dataclass(frozen=True)
class Violation:
    """One thing a solution cell does that grading does not allow."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class _Checker(ast.NodeVisitor):
    """Collects the violations of one cell."""

    def __init__(self, reserved: frozenset[str]) -> None:
        self.reserved = reserved
        self.imported: set[str] = set()
        self.violations: list[Violation] = []

    def flag(self, node: ast.AST, message: str) -> None:
        self.violations.append(Violation(getattr(node, "lineno", 0), message))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.check_module(node, alias.name)
            self.imported.add((alias.asname or alias.name).split(".")[0])

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self.check_module(node, "." * node.level + (node.module or ""))
        for alias in node.names:
            if alias.name == "*":
                self.flag(node, "`import *` is not allowed in a solution cell")
            elif alias.name.startswith("_"):
                self.flag(node, f"imports the private name {alias.name!r}")
            self.imported.add(alias.asname or alias.name)

    def check_module(self, node: ast.AST, module: str) -> None:
        parts = module.split(".")
        if parts[0] not in ALLOWED_IMPORTS:
            self.flag(node, f"imports {module!r}; solution cells may import only {', '.join(sorted(ALLOWED_IMPORTS))}")
        elif any(part.startswith("_") for part in parts):
            self.flag(node, f"imports the private module {module!r}")

    def visit_Global(self, node: ast.Global) -> None:
        self.flag(node, "`global` is not allowed: return results instead of changing notebook variables")

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in FORBIDDEN_BUILTINS:
            self.flag(node, f"uses {node.id}(), which grading does not allow")
        elif node.id.startswith("__") and node.id != "__name__":
            self.flag(node, f"uses {node.id}, which grading does not allow")

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        if node.name.startswith("__") and node.name.endswith("__") and node.name not in ALLOWED_SPECIAL_METHODS:
            self.flag(node, f"defines the special method {node.name}; solution classes may define only "
                            f"{', '.join(sorted(ALLOWED_SPECIAL_METHODS))}")
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Attribute(self, node: ast.Attribute) -> None:
        name = node.attr
        special = name.startswith("__") and name.endswith("__")
        if special and isinstance(node.ctx, (ast.Store, ast.Del)):
            self.flag(node, f"changes the special attribute .{name}")
        elif special:
            if name not in ALLOWED_DUNDERS:
                self.flag(node, f"uses the special attribute .{name}")
        elif name.startswith("_") and not (isinstance(node.value, ast.Name) and node.value.id == "self"):
            self.flag(node, f"uses the private attribute .{name}")
        elif name in FORBIDDEN_ATTRIBUTES:
            self.flag(node, f"uses .{name}, which grading does not allow")
        if isinstance(node.ctx, (ast.Store, ast.Del)) and self.is_shared(node.value):
            self.flag(node, f"changes {ast.unparse(node)}, which belongs to a library or the notebook")
        self.generic_visit(node)

    def is_shared(self, node: ast.AST) -> bool:
        """Whether an expression's root is a module or notebook name rather than the code's own object."""
        while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
            node = node.func if isinstance(node, ast.Call) else node.value
        return isinstance(node, ast.Name) and (node.id in self.reserved or node.id in self.imported)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if isinstance(node.ctx, (ast.Store, ast.Del)) and self.is_shared(node.value):
            self.flag(node, f"changes {ast.unparse(node)}, which belongs to a library or the notebook")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and SPECIAL_NAME.fullmatch(node.value):
            self.flag(node, f"names the special attribute {node.value!r} in a string")

    def visit_Call(self, node: ast.Call) -> None:
        function = node.func
        if isinstance(function, ast.Name) and function.id == "type" and len(node.args) != 1:
            self.flag(node, "type() with three arguments builds a class around the rules; write a class statement")
        elif (isinstance(function, ast.Attribute) and function.attr in MUTATING_METHODS
              and isinstance(function.value, ast.Name) and function.value.id in self.reserved
              and function.value.id.isupper()):
            self.flag(node, f"changes {function.value.id}, which belongs to the notebook")
        if isinstance(function, ast.Name) and function.id == "getattr":
            if len(node.args) < 2 or not isinstance(node.args[1], ast.Constant):
                self.flag(node, "getattr() with a computed attribute name is not allowed")
            elif str(node.args[1].value).startswith("_"):
                self.flag(node, f"getattr() of the private attribute {node.args[1].value!r}")
        self.generic_visit(node)


def protected_bindings(tree: ast.Module) -> set[str]:
    """Names a notebook cell binds that tests rely on: definitions, imports and CONSTANTS."""
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
    """Reads of `_name`s the cell does not bind: the hidden tests' temporaries, such as `_expected`."""
    own = bound_names(tree)
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id.startswith("_")
            and not node.id.startswith("__") and node.id not in own]


def violations(source: str, reserved: frozenset[str]) -> list[Violation]:
    """Everything in a solution cell's `source` that grading refuses.

    `reserved` holds the names the notebook's own cells define (helpers, imports, test
    constants): a solution cell may use them but not rebind them.
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
    rebound = top_level_bindings(tree) - module_imports(tree)
    found += [Violation(0, f"redefines {name!r}, which Python or the notebook's own cells define")
              for name in sorted(rebound & reserved)]
    return found
