"""Whether a solution the grading Python cannot parse uses syntax that a newer Python reads.

Each newer feature has a rewrite into the grading Python's syntax: an f-string becomes a tuple of the
expressions in its braces, a `type` statement an assignment, type parameters are dropped and `except A, B:`
gets its parentheses. A feature is named only if the source parses once every feature is rewritten, and
no longer parses when that one is left as it was. So a source that fails for any other reason is never
blamed on a newer Python.
"""

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass

# A string's start: its prefix (where no name runs into it, as in `elif'x'`) and its quotes.
_STRING_START = re.compile(r"(?:(?<![\w.])([rRbBuUfF]{1,2}))?('''|\"\"\"|'|\")")


class _Unreadable(Exception):
    """The source is malformed in a way no rewrite mends."""


def _string_end(source: str, i: int, quote: str) -> int:
    """The index just after a plain string whose body starts at `i`."""
    while not source.startswith(quote, i):
        if i >= len(source) or (len(quote) == 1 and source[i] == "\n"):
            raise _Unreadable
        i += 2 if source[i] == "\\" else 1
    return i + len(quote)


def _expression(source: str, i: int, quote: str) -> tuple[str, int]:
    """An f-string's replacement field from `i` (just after its "{"): the expressions it holds, rewritten
    (the field's own and those of its format spec, one per line), and the index just after its "}"."""
    code, i = _code(source, i, stop="}!:")
    code = code.rstrip()
    if code.endswith("=") and not code.endswith(("==", "!=", "<=", ">=")):
        code = code[:-1]  # f"{x = }" prints its own text
    expressions = [code]
    if source.startswith("!", i):
        i += 2
    if source.startswith(":", i):
        i += 1
        while not source.startswith("}", i):
            if i >= len(source) or source.startswith(quote, i):
                raise _Unreadable
            if source[i] == "{":
                nested, i = _expression(source, i + 1, quote)
                expressions.append(nested)
            else:
                i += 1
    if not source.startswith("}", i):
        raise _Unreadable
    return "\n,".join(expressions), i + 1


def _fstring(source: str, i: int, quote: str) -> tuple[str, int]:
    """An f-string whose body starts at `i`, as a tuple of its expressions, and the index just after it."""
    expressions = []
    while not source.startswith(quote, i):
        if i >= len(source) or (len(quote) == 1 and source[i] == "\n"):
            raise _Unreadable
        if source.startswith(("{{", "}}"), i):
            i += 2
        elif source[i] == "{":
            expression, i = _expression(source, i + 1, quote)
            expressions.append(expression)
        elif source[i] == "}":
            raise _Unreadable
        else:
            i += 2 if source[i] == "\\" else 1
    return "(" + "".join(f"\n{expression}\n," for expression in expressions) + ")", i + len(quote)


def _code(source: str, i: int = 0, stop: str = "") -> tuple[str, int]:
    """Code from `i` with each f-string in it rewritten, up to the first character of `stop` outside brackets
    (the end of the source if `stop` is empty), and the index where it stopped."""
    out: list[str] = []
    depth = 0
    while i < len(source):
        char = source[i]
        if depth == 0 and char in stop and not source.startswith("!=", i):
            return "".join(out), i
        string = _STRING_START.match(source, i)
        if string:
            prefix, quote = (string[1] or "").lower(), string[2]
            if "f" in prefix:
                text, i = _fstring(source, string.end(), quote)
            else:
                end = _string_end(source, string.end(), quote)
                text, i = source[i:end], end
            out.append(text)
            continue
        if char == "#":
            end = source.find("\n", i)
            end = len(source) if end < 0 else end
            out.append(source[i:end])
            i = end
            continue
        depth += (char in "([{") - (char in ")]}")
        out.append(char)
        i += 1
    if stop:
        raise _Unreadable
    return "".join(out), i


def fstrings_rewritten(source: str) -> str:
    """`source` with every f-string replaced by a tuple of its expressions, read as Python 3.12 reads them."""
    return _code(source)[0]


def _bracket_end(text: str, i: int) -> int:
    """The index just after the bracket that closes the "[" at `i`."""
    depth = 0
    for j in range(i, len(text)):
        depth += (text[j] == "[") - (text[j] == "]")
        if depth == 0:
            return j + 1
    raise _Unreadable


def _without_brackets(pattern: re.Pattern[str], source: str) -> str:
    """`source` with the non-empty brackets that follow each match of `pattern` removed."""
    out, i = [], 0
    for match in pattern.finditer(source):
        end = _bracket_end(source, match.end() - 1)
        if end - match.end() < 2:
            raise _Unreadable  # `def f[]()` is an error everywhere
        out += [source[i : match.end() - 1]]
        i = end
    return "".join(out) + source[i:]


# Line patterns match blanks with [ \t], never \s, which runs over line ends: a source of many blank lines
# then costs linear time, not quadratic (the source is a submission's, and may be made to be slow).
_TYPE_STATEMENT = re.compile(r"^([ \t]*)type[ \t]+([A-Za-z_]\w*)[ \t]*(?=[\[=])", re.M)
_TYPE_ALIAS_PARAMETERS = re.compile(r"^[ \t]*type[ \t]+[A-Za-z_]\w*[ \t]*\[", re.M)
_TYPE_PARAMETERS = re.compile(
    r"^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+[A-Za-z_]\w*[ \t]*\[", re.M
)
_EXCEPT = re.compile(r"([ \t]*except\*?[ \t]+)(.*)", re.S)


def _type_statements(source: str) -> str:
    """`type X[T] = v` as `X = v`."""
    return _TYPE_STATEMENT.sub(r"\1\2 ", _without_brackets(_TYPE_ALIAS_PARAMETERS, source))


def _except(line: str) -> str:
    """`except A, B:` as `except (A, B):` (with no `as`, which still needs the parentheses)."""
    match = _EXCEPT.fullmatch(line)
    if not match:
        return line
    types, colon, rest = match[2].partition(":")
    if not colon or "," not in types or "#" in types or " as " in types or types.startswith("("):
        return line
    return f"{match[1]}({types.rstrip()}):{rest}"


def _excepts(source: str) -> str:
    """Every `except A, B:` line of `source` parenthesised, in time linear in its length."""
    return "".join(_except(line) for line in source.splitlines(keepends=True))


@dataclass(frozen=True)
class Feature:
    """Syntax a newer Python reads, and how to write it as the grading Python reads it."""

    what: str
    python: str
    rewrite: Callable[[str], str]


FEATURES = (
    Feature(
        "an f-string that holds its own quotes, a backslash or a comment inside its braces",
        "3.12",
        fstrings_rewritten,
    ),
    Feature("a `type` statement", "3.12", _type_statements),
    Feature(
        "a type parameter list in brackets",
        "3.12",
        lambda s: _without_brackets(_TYPE_PARAMETERS, s),
    ),
    Feature("`except A, B:` without parentheses", "3.14", _excepts),
)


def _parses(source: str) -> bool:
    """Whether this Python parses `source`."""
    try:
        ast.parse(source)
    except (SyntaxError, ValueError):
        return False
    return True


def _rewritten(source: str, features: tuple[Feature, ...]) -> str | None:
    """`source` with each of `features` rewritten, or None if a rewrite cannot read it."""
    try:
        for feature in features:
            source = feature.rewrite(source)
    except (_Unreadable, RecursionError):  # RecursionError: f-strings nested past reason
        return None
    return source


def newer_features(source: str) -> list[Feature]:
    """The features of a newer Python that are why this Python cannot parse `source` ([] if something else is)."""
    every = _rewritten(source, FEATURES)
    if every is None or not _parses(every):
        return []
    needed = []
    for feature in FEATURES:
        others = _rewritten(source, tuple(f for f in FEATURES if f is not feature))
        if others is None or not _parses(others):
            needed.append(feature)
    return needed
