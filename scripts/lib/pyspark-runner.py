"""Runs Python snippets with PySpark Connect sessions and writes what each emits, as lossless JSON, to
file descriptor 3. Driven by test/support/pyspark.ts, which documents the encoding for TypeScript.

usage: python pyspark-runner.py sc://host:port   (stdin: one {"code": "..."} a line; fd 3: one answer a line)

The snippet sees `spark` (a session on the given remote), `emit(name, value)`, `capture(name, thunk)`,
`F` (pyspark.sql.functions), `T` (pyspark.sql.types), `Row`, `datetime` and `Decimal`.
The caller runs this with TZ=UTC, so TIMESTAMP values (which PySpark turns into naive datetimes in the
process's local zone) come out as unambiguous UTC wall-clock times.
"""

import base64
import datetime
import decimal
import json
import linecache
import math
import os
import sys
import textwrap
import traceback
from decimal import Decimal
from typing import Any, Callable

import pyspark.sql.functions as F
import pyspark.sql.types as T
from pyspark.errors import PySparkException
from pyspark.logger import PySparkLogger
from pyspark.sql import DataFrame, Row, SparkSession
from pyspark.sql.connect.client.retries import DefaultPolicy
from pyspark.storagelevel import StorageLevel
from pyspark.sql.types import VariantVal

MAX_SAFE_INTEGER = 2**53 - 1


def encode(value: Any) -> Any:
    """One PySpark value to JSON that loses nothing; see test/support/pyspark.ts for the table."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if abs(value) <= MAX_SAFE_INTEGER else {"$int": str(value)}
    if isinstance(value, float):
        if math.isnan(value):
            return {"$float": "NaN"}
        if math.isinf(value):
            return {"$float": "Infinity" if value > 0 else "-Infinity"}
        return value
    if isinstance(value, Decimal):
        return {"$decimal": format(value, "f")}
    # datetime is a subclass of date: test it first.
    if isinstance(value, datetime.datetime):
        return {"$timestamp": value.isoformat(timespec="microseconds")}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"$time": value.isoformat(timespec="microseconds")}
    if isinstance(value, datetime.timedelta):
        micros = (value.days * 86_400 + value.seconds) * 1_000_000 + value.microseconds
        return {"$duration_us": str(micros)}
    if isinstance(value, (bytes, bytearray)):
        return {"$binary": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, VariantVal):
        return {
            "$variant": {
                "value": base64.b64encode(value.value).decode("ascii"),
                "metadata": base64.b64encode(value.metadata).decode("ascii"),
                "json": value.toJson(),
            }
        }
    # Row is a tuple: test it before plain sequences.
    if isinstance(value, Row):
        names = list(value.__fields__) if hasattr(value, "__fields__") else None
        return {"$row": {"names": names, "values": [encode(item) for item in value]}}
    # A NamedTuple that is not a Row (catalog.Table, Database, ...): a record of named fields.
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {"$record": {name: encode(item) for name, item in zip(value._fields, value)}}
    if isinstance(value, (list, tuple)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {"$map": [[encode(key), encode(item)] for key, item in value.items()]}
    if isinstance(value, DataFrame):
        rows = value.collect()
        return {
            "$dataframe": {
                "schema": json.loads(value.schema.json()),
                "rows": [[encode(item) for item in row] for row in rows],
            }
        }
    if isinstance(value, StorageLevel):
        fields = ("useDisk", "useMemory", "useOffHeap", "deserialized", "replication")
        return {"$record": {name: getattr(value, name) for name in fields}}
    # A pyarrow Table (toArrow): column names and row values; the two Arrow libraries name types differently.
    if type(value).__module__.startswith("pyarrow") and type(value).__name__ == "Table":
        return {"$arrow": {"names": value.column_names, "rows": [[encode(v) for v in row.values()] for row in value.to_pylist()]}}
    if isinstance(value, T.DataType):
        return {"$schema": json.loads(value.json())}
    raise TypeError(f"emit() cannot encode a value of type {type(value).__module__}.{type(value).__qualname__}")


def encode_error(error: PySparkException) -> dict:
    message = str(error)
    return {
        "$error": {
            "type": type(error).__name__,
            "errorClass": error.getCondition(),
            "sqlState": error.getSqlState(),
            "messageParameters": error.getMessageParameters() or {},
            # The first line only: the rest is a JVM stack trace that changes between runs.
            "message": message.splitlines()[0] if message else "",
        }
    }


def quiet_query_context_loggers() -> None:
    """PySpark logs every query error (with the JVM stack) to stderr; captured errors are expected here."""
    for name in ("SQLQueryContextLogger", "DataFrameQueryContextLogger"):
        PySparkLogger.getLogger(name).disabled = True


def describe_failure(error: BaseException) -> str:
    """A short traceback: the snippet's frames and the first lines of the message, not the JVM stack."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == "<snippet>"]
    lines = [f"  snippet line {frame.lineno}: {frame.line}" for frame in frames]
    lines.append(f"{type(error).__name__}: " + "\n".join(str(error).splitlines()[:5]))
    return "\n".join(lines)


def run_snippet(remote: str, source: str) -> dict:
    """Runs one snippet in a new session of its own; returns {"emitted": ...} or {"failure": text}."""
    code = textwrap.dedent(source)
    # Lets tracebacks quote the snippet's own lines.
    linecache.cache["<snippet>"] = (len(code), None, code.splitlines(True), "<snippet>")
    emitted: dict[str, Any] = {}

    def emit(name: str, value: Any) -> None:
        if name in emitted:
            raise ValueError(f"emit(): the name {name!r} was already emitted")
        emitted[name] = encode(value)

    def capture(name: str, thunk: Callable[[], Any]) -> None:
        """Emits the thunk's value, or the PySpark error it raises (for comparing failures)."""
        try:
            value = encode(thunk())
        except PySparkException as error:
            value = encode_error(error)
        if name in emitted:
            raise ValueError(f"capture(): the name {name!r} was already emitted")
        emitted[name] = value

    try:
        # create(), not getOrCreate(): confs, temp views and UDFs of one snippet never leak into the next.
        spark = SparkSession.builder.remote(remote).create()
        # Same policy as PySpark's default but ~17 s instead of ~10 minutes of retries, so a dead server
        # fails a test quickly. Only failure timing changes, never a result.
        spark.client.set_retry_policies([DefaultPolicy(max_retries=5)])
    except Exception as error:
        return {"failure": f"could not open a PySpark session on {remote}: {describe_failure(error)}"}
    namespace = {
        "spark": spark,
        "emit": emit,
        "capture": capture,
        "F": F,
        "T": T,
        "Row": Row,
        "datetime": datetime,
        "Decimal": Decimal,
        "decimal": decimal,
    }
    try:
        exec(compile(code, "<snippet>", "exec"), namespace)
        # Checked here so a value JSON cannot hold fails this snippet, not the whole runner.
        return {"emitted": json.loads(json.dumps(emitted, allow_nan=False))}
    except Exception as error:
        return {"failure": describe_failure(error)}
    finally:
        spark.stop()


def main() -> int:
    """Serves snippets one a line: each stdin line is {"code": "..."}; each answer is one line on fd 3."""
    quiet_query_context_loggers()
    remote = sys.argv[1]
    with os.fdopen(3, "w", encoding="utf-8") as answers:
        for line in sys.stdin:
            answer = run_snippet(remote, json.loads(line)["code"])
            answers.write(json.dumps(answer, allow_nan=False) + "\n")
            answers.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
