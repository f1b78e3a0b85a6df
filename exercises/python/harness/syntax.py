"""Python 3.8 or not: the parser's verdict, then the 3.9+ APIs it cannot see.

`ast.parse(..., feature_version=(3, 8))` rejects newer grammar (match,
parenthesized context managers, except*), but not newer library calls or
builtin generics, which parse fine and fail only on a 3.8 interpreter.
"""

import ast

# Methods and functions that do not exist in Python 3.8.
NEW_ATTRIBUTES = {
    "removeprefix": "str.removeprefix is 3.9+: use s[len(p):] if s.startswith(p) else s",
    "removesuffix": "str.removesuffix is 3.9+: slice after s.endswith(x)",
    "is_relative_to": "PurePath.is_relative_to is 3.9+",
    "randbytes": "random.randbytes is 3.9+",
    "bit_count": "int.bit_count is 3.10+: use bin(n).count('1')",
    "pairwise": "itertools.pairwise is 3.10+: use zip(xs, xs[1:])",
    "to_thread": "asyncio.to_thread is 3.9+",
    "cache": "functools.cache is 3.9+: use functools.lru_cache(maxsize=None)",
    "lcm": "math.lcm is 3.9+",
    "batched": "itertools.batched is 3.12+",
}
NEW_MODULES = {"zoneinfo": "3.9", "graphlib": "3.9", "tomllib": "3.11"}
GENERIC_BUILTINS = {"list", "dict", "tuple", "set", "frozenset", "type"}


def check(source, filename):
    """Returns a list of problems (empty when the source is fine for 3.8)."""
    try:
        tree = ast.parse(source, filename, feature_version=(3, 8))
    except SyntaxError as e:
        return ["%s:%s: not Python 3.8 syntax: %s" % (filename, e.lineno, e.msg)]
    lazy = any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(a.name == "annotations" for a in node.names)
        for node in tree.body
    )
    annotations = set()
    if lazy:
        for node in ast.walk(tree):
            for ann in _annotations(node):
                annotations.update(id(n) for n in ast.walk(ann))
    problems = []
    for node in ast.walk(tree):
        message = _newer(node, id(node) in annotations)
        if message:
            problems.append("%s:%d: %s" % (filename, node.lineno, message))
    return problems


def _annotations(node):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        args = node.args
        every = args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]
        for a in every:
            if a is not None and a.annotation is not None:
                yield a.annotation
        if node.returns is not None:
            yield node.returns
    elif isinstance(node, ast.AnnAssign):
        yield node.annotation


def _newer(node, in_lazy_annotation):
    if isinstance(node, ast.Subscript) and not in_lazy_annotation:
        if isinstance(node.value, ast.Name) and node.value.id in GENERIC_BUILTINS:
            return (
                "%s[...] is 3.9+ at run time: use typing.%s[...]"
                % (node.value.id, node.value.id.capitalize())
            )
        if isinstance(_index(node), ast.Starred):
            return "x[*a] is 3.11+ syntax"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr) and not in_lazy_annotation:
        if _is_dict(node.left) or _is_dict(node.right):
            return "dict | dict is 3.9+: use {**a, **b} or a copy and update()"
        if _is_type(node.left) and _is_type(node.right):
            return "X | Y as a type is 3.10+: use typing.Union or typing.Optional"
    if isinstance(node, ast.AugAssign) and isinstance(node.op, ast.BitOr) and _is_dict(node.value):
        return "dict |= dict is 3.9+: use update()"
    if isinstance(node, ast.Attribute) and node.attr in NEW_ATTRIBUTES:
        return NEW_ATTRIBUTES[node.attr]
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
        for name in names:
            top = name.split(".")[0]
            if top in NEW_MODULES:
                return "module %s is %s+" % (top, NEW_MODULES[top])
        if isinstance(node, ast.ImportFrom) and node.module in ("functools", "itertools", "math"):
            for a in node.names:
                if NEW_ATTRIBUTES.get(a.name):
                    return NEW_ATTRIBUTES[a.name]
    if isinstance(node, ast.Call):
        for kw in node.keywords:
            if kw.arg == "strict" and isinstance(node.func, ast.Name) and node.func.id == "zip":
                return "zip(strict=...) is 3.10+"
            if kw.arg == "cancel_futures":
                return "Executor.shutdown(cancel_futures=...) is 3.9+"
    for decorator in getattr(node, "decorator_list", []):
        if not _dotted(decorator.func if isinstance(decorator, ast.Call) else decorator):
            return "a decorator that is not a dotted name or a call of one is 3.9+"
    return None


def _index(node):
    inner = node.slice
    return inner.value if type(inner).__name__ == "Index" else inner  # 3.8 wraps it


def _is_dict(node):
    return isinstance(node, (ast.Dict, ast.DictComp)) or (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict"
    )


def _is_type(node):
    if isinstance(node, ast.Constant) and node.value is None:
        return True
    return isinstance(node, ast.Name) and node.id in {"int", "str", "float", "bool", "bytes"} | GENERIC_BUILTINS


def _dotted(node):
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)
