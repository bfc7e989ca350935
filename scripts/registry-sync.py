"""Snapshot the public surface of the installed pyspark Spark Connect client.

Writes registry/upstream/pyspark-<version>.json: every public builtin function of
pyspark.sql.connect.functions and every public member of the Connect classes we mirror, with
parameter names, kinds, defaults and type hints as strings. Names and signatures only: no
docstring text is recorded (the `since` version is read from the `versionadded` marker).

Run with the pyspark virtualenv's python (see `npm run registry:sync`). Output is sorted and
stable, so re-running on the same pyspark yields the same bytes.
"""

import functools
import importlib
import inspect
import json
import random
import re
import sys
import typing
import warnings
from pathlib import Path

import pyspark

FUNCTIONS_MODULE = "pyspark.sql.connect.functions"
CLASSIC_FUNCTIONS_MODULE = "pyspark.sql.functions"

# Public class name in the snapshot -> (module, attribute path) of its Spark Connect implementation.
CLASSES = {
    "Catalog": ("pyspark.sql.connect.catalog", "Catalog"),
    "Column": ("pyspark.sql.connect.column", "Column"),
    "DataFrame": ("pyspark.sql.connect.dataframe", "DataFrame"),
    "DataFrameNaFunctions": ("pyspark.sql.connect.dataframe", "DataFrameNaFunctions"),
    "DataFrameReader": ("pyspark.sql.connect.readwriter", "DataFrameReader"),
    "DataFrameStatFunctions": ("pyspark.sql.connect.dataframe", "DataFrameStatFunctions"),
    "DataFrameWriter": ("pyspark.sql.connect.readwriter", "DataFrameWriter"),
    "DataFrameWriterV2": ("pyspark.sql.connect.readwriter", "DataFrameWriterV2"),
    "DataStreamReader": ("pyspark.sql.connect.streaming.readwriter", "DataStreamReader"),
    "DataStreamWriter": ("pyspark.sql.connect.streaming.readwriter", "DataStreamWriter"),
    "GroupedData": ("pyspark.sql.connect.group", "GroupedData"),
    "MergeIntoWriter": ("pyspark.sql.connect.merge", "MergeIntoWriter"),
    # The clause builders whenMatched/whenNotMatched/whenNotMatchedBySource return, nested in the writer.
    "MergeIntoWriter.WhenMatched": ("pyspark.sql.connect.merge", "MergeIntoWriter.WhenMatched"),
    "MergeIntoWriter.WhenNotMatched": ("pyspark.sql.connect.merge", "MergeIntoWriter.WhenNotMatched"),
    "MergeIntoWriter.WhenNotMatchedBySource": ("pyspark.sql.connect.merge", "MergeIntoWriter.WhenNotMatchedBySource"),
    "Observation": ("pyspark.sql.connect.observation", "Observation"),
    "RuntimeConfig": ("pyspark.sql.connect.conf", "RuntimeConf"),
    "SparkSession": ("pyspark.sql.connect.session", "SparkSession"),
    "SparkSession.Builder": ("pyspark.sql.connect.session", "SparkSession.Builder"),
    "StreamingQuery": ("pyspark.sql.connect.streaming.query", "StreamingQuery"),
    "StreamingQueryManager": ("pyspark.sql.connect.streaming.query", "StreamingQueryManager"),
    "TableValuedFunction": ("pyspark.sql.connect.tvf", "TableValuedFunction"),
    "UDFRegistration": ("pyspark.sql.connect.udf", "UDFRegistration"),
    "UDTFRegistration": ("pyspark.sql.connect.udtf", "UDTFRegistration"),
    "Window": ("pyspark.sql.connect.window", "Window"),
    "WindowSpec": ("pyspark.sql.connect.window", "WindowSpec"),
}

FORWARD_REF = re.compile(r"ForwardRef\('([^']*)'\)")
VERSION_ADDED = re.compile(r"\.\. versionadded::\s*([0-9][0-9.]*)")


def annotation_text(annotation):
    if annotation is inspect.Parameter.empty or annotation is inspect.Signature.empty:
        return None
    text = annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)
    return FORWARD_REF.sub(r"\1", text)


def default_text(default):
    if default is inspect.Parameter.empty:
        return None
    return repr(default)


def describe_signature(fn):
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    params = []
    for param in signature.parameters.values():
        entry = {"name": param.name, "kind": param.kind.name}
        hint = annotation_text(param.annotation)
        if hint is not None:
            entry["type"] = hint
        default = default_text(param.default)
        if default is not None:
            entry["default"] = default
        params.append(entry)
    result = {"params": params}
    returns = annotation_text(signature.return_annotation)
    if returns is not None:
        result["returns"] = returns
    return result


def since_of(obj):
    match = VERSION_ADDED.search(inspect.getdoc(obj) or "")
    return match.group(1) if match else None


def overloads_of(fn):
    found = []
    for overload in typing.get_overloads(fn):
        described = describe_signature(overload)
        if described is not None:
            found.append(described)
    return found


def describe_function(fn):
    entry = describe_signature(fn) or {"params": []}
    # A few connect functions carry no docstring; the classic twin has the same version marker.
    classic = getattr(importlib.import_module(CLASSIC_FUNCTIONS_MODULE), fn.__name__, None)
    since = since_of(fn) or (since_of(classic) if classic is not None else None)
    if since is not None:
        entry["since"] = since
    overloads = overloads_of(fn)
    if overloads:
        entry["overloads"] = overloads
    return entry


def public_functions():
    module = importlib.import_module(FUNCTIONS_MODULE)
    names = {}
    for name in dir(module):
        value = getattr(module, name)
        # Defined in the connect functions package itself: excludes re-exported typing helpers and
        # pandas_udf/arrow_udf, which connect borrows from the classic module.
        if name.startswith("_") or not inspect.isfunction(value):
            continue
        if not value.__module__.startswith(FUNCTIONS_MODULE):
            continue
        names[name] = describe_function(value)
    return names


def member_kind(cls, name):
    for owner in cls.__mro__:
        if name in owner.__dict__:
            raw = owner.__dict__[name]
            if isinstance(raw, property):
                return "property", raw.fget, owner
            if isinstance(raw, classmethod):
                return "classmethod", raw.__func__, owner
            if isinstance(raw, staticmethod):
                return "staticmethod", raw.__func__, owner
            if inspect.isfunction(raw):
                return "method", raw, owner
            if isinstance(raw, functools.cached_property):
                return "property", raw.func, owner
            if inspect.isroutine(raw) and hasattr(raw, "__wrapped__"):
                # A decorated method (e.g. lru_cache): describe the function it wraps.
                return "method", inspect.unwrap(raw), owner
            if inspect.isclass(raw):
                return "class", None, owner
            if callable(raw):
                return "callable", None, owner
            return "attribute", None, owner
    return "attribute", None, None


def describe_class(cls):
    members = {}
    for name in sorted(dir(cls)):
        is_dunder = name.startswith("__") and name.endswith("__")
        if name.startswith("_") and not is_dunder:
            continue
        kind, fn, owner = member_kind(cls, name)
        if owner is None or owner is object:
            continue
        if is_dunder and (kind != "method" or name in ("__init__", "__new__", "__init_subclass__")):
            continue
        entry = {"kind": kind, "definedIn": f"{owner.__module__}.{owner.__qualname__}"}
        if is_dunder:
            entry["dunder"] = True
        if fn is not None:
            entry.update(describe_signature(fn) or {"params": []})
            since = since_of(fn)
            if since is not None:
                entry["since"] = since
        members[name] = entry
    return {"members": members, "source": f"{cls.__module__}.{cls.__qualname__}"}


def probe_value(param, with_optional, prefer_column=False):
    """A sample argument for one parameter, chosen from its type hint, or None to leave it out."""
    hint = annotation_text(param.annotation) or ""
    if param.default is not inspect.Parameter.empty and not with_optional:
        return None
    if prefer_column and "Column" in hint and "ColumnOrName" not in hint and "Callable" not in hint:
        return ("column", param.name)
    if "Callable[[" in hint:
        arity = hint.split("Callable[[", 1)[1].split("]", 1)[0].count("Column")
        return ("lambda", max(arity, 1))
    if "ColumnOrName" in hint:
        return ("name", param.name)
    # A union of Column and plain values gets a plain value, to show how PySpark encodes those.
    if re.search(r"\bint\b", hint):
        return ("literal", 3)
    if re.search(r"\bfloat\b", hint):
        return ("literal", 0.5)
    if re.search(r"\bbool\b", hint):
        return ("literal", True)
    if "Mapping" in hint or "Dict" in hint:
        return ("literal", {"key": "value"})
    if re.search(r"\bstr\b", hint) or "DataTypeOrString" in hint:
        return ("literal", "text")
    if "Column" in hint:
        return ("column", param.name)
    return ("literal", "text")


def probe_call(fn, with_optional, prefer_column=False):
    """Call one builtin with sample arguments and record the Expression PySpark builds for it."""
    from google.protobuf.json_format import MessageToDict
    from pyspark.sql.connect.expressions import UnresolvedNamedLambdaVariable
    import pyspark.sql.connect.functions as F

    args = []
    shown = []
    recorded = []  # the same arguments as data, so other languages can replay the call
    for param in inspect.signature(fn).parameters.values():
        if param.kind in (param.KEYWORD_ONLY, param.VAR_KEYWORD):
            continue
        value = probe_value(param, with_optional, prefer_column)
        if value is None:
            continue
        kind, sample = value
        if param.kind == param.VAR_POSITIONAL and kind in ("name", "literal"):
            # Two values, since some variadic builtins insist on at least two.
            pair = [f"{sample}1", f"{sample}2"] if kind == "name" else [sample, sample]
            args.extend(pair)
            shown.extend(repr(value) for value in pair)
            recorded.extend({kind: value} for value in pair)
        elif kind == "lambda":
            names = ["x", "y", "z"][:sample]
            args.append(eval(f"lambda {', '.join(names)}: {names[-1]}"))
            shown.append(f"lambda {', '.join(names)}: {names[-1]}")
            recorded.append({"lambda": sample})
        elif kind == "column":
            args.append(F.col(sample))
            shown.append(f"col({sample!r})")
            recorded.append({"column": sample})
        else:
            args.append(sample)
            shown.append(repr(sample))
            recorded.append({kind: sample})
    UnresolvedNamedLambdaVariable._nextVarNameId = 0
    random.seed(0)  # builtins that draw a seed when none is given then draw the same one on every run
    try:
        column = fn(*args)
        expression = MessageToDict(column._expr.to_plan(None), preserving_proto_field_name=True)
        return {"call": f"{fn.__name__}({', '.join(shown)})", "args": recorded, "expression": expression}
    except Exception as error:  # the probe is best effort: record why a call could not be built
        return {"call": f"{fn.__name__}({', '.join(shown)})", "error": f"{type(error).__name__}: {error}"}


def probe_functions():
    module = importlib.import_module(FUNCTIONS_MODULE)
    probes = {}
    for name in public_functions():
        fn = getattr(module, name)
        probes[name] = {"required": probe_call(fn, False)}
        has_optional = any(
            param.default is not inspect.Parameter.empty and param.kind == param.POSITIONAL_OR_KEYWORD
            for param in inspect.signature(fn).parameters.values()
        )
        if has_optional:
            probes[name]["all"] = probe_call(fn, True)
        # Parameters taking a Column or a plain value, probed again with Columns.
        takes_either = any(
            "Column" in (annotation_text(param.annotation) or "")
            and "ColumnOrName" not in (annotation_text(param.annotation) or "")
            and re.search(r"\b(int|float|bool|str|bytes)\b", annotation_text(param.annotation) or "")
            for param in inspect.signature(fn).parameters.values()
        )
        if takes_either:
            probes[name]["columns"] = probe_call(fn, True, prefer_column=True)
    return probes


def resolve(module_name, path):
    value = importlib.import_module(module_name)
    for part in path.split("."):
        value = getattr(value, part)
    return value


def classic_functions():
    # The same rule applied to the classic module; its `__all__` is no guide (it lists classes and
    # pandas_udf but omits camelCase aliases), so the defined-functions rule is what both share.
    module = importlib.import_module(CLASSIC_FUNCTIONS_MODULE)
    return sorted(
        name
        for name in dir(module)
        if not name.startswith("_")
        and inspect.isfunction(getattr(module, name))
        and getattr(module, name).__module__.startswith(CLASSIC_FUNCTIONS_MODULE)
    )


def main():
    warnings.simplefilter("ignore")  # deprecated aliases warn when probed; their use is intended here
    root = Path(__file__).resolve().parent.parent
    functions = public_functions()
    classic = classic_functions()
    if sorted(functions) != classic:
        missing = sorted(set(classic) - set(functions))
        extra = sorted(set(functions) - set(classic))
        sys.exit(f"connect functions differ from {CLASSIC_FUNCTIONS_MODULE}: missing={missing} extra={extra}")
    snapshot = {
        "pyspark": pyspark.__version__,
        "python": ".".join(str(part) for part in sys.version_info[:3]),
        "functionsDefinition": (
            f"public (no leading underscore) Python functions defined under {FUNCTIONS_MODULE}; "
            f"the same set as the classic {CLASSIC_FUNCTIONS_MODULE} package by the same rule"
        ),
        "functionCount": len(functions),
        "functions": functions,
        "classes": {name: describe_class(resolve(*where)) for name, where in CLASSES.items()},
    }
    target = root / "registry" / "upstream" / f"pyspark-{pyspark.__version__}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(snapshot, indent=2, sort_keys=True) + "\n")
    print(f"wrote {target.relative_to(root)}: {len(functions)} functions, {len(CLASSES)} classes")
    probes = probe_functions()
    probe_target = target.with_name(f"pyspark-{pyspark.__version__}-expressions.json")
    probe_target.write_text(json.dumps(probes, indent=2, sort_keys=True) + "\n")
    failed = sorted(name for name, probe in probes.items() if "error" in probe["required"])
    print(f"wrote {probe_target.relative_to(root)}: {len(probes) - len(failed)} expressions, {len(failed)} not built")


if __name__ == "__main__":
    main()
