"""Readiness probe for a Spark Connect server: runs a trivial query through the PySpark client and
prints one JSON line with the server version and the values of the confs named on the command line.

usage: python spark-probe.py sc://127.0.0.1:15002 [conf.key ...]
Exits 1 (with the reason on stderr) when the server does not answer a query.
"""

import json
import sys

from pyspark.sql import SparkSession
from pyspark.sql.connect.client.retries import DefaultPolicy


def main() -> int:
    remote, conf_keys = sys.argv[1], sys.argv[2:]
    try:
        spark = SparkSession.builder.remote(remote).getOrCreate()
        # A health check must answer quickly: PySpark's default policy retries for up to 10 minutes.
        spark.client.set_retry_policies([DefaultPolicy(max_retries=3, max_backoff=2000)])
        rows = spark.range(1).collect()
        if len(rows) != 1 or rows[0][0] != 0:
            print(f"unexpected answer to range(1): {rows!r}", file=sys.stderr)
            return 1
        confs = {key: spark.conf.get(key, None) for key in conf_keys}
        print(json.dumps({"version": spark.version, "confs": confs}))
        spark.stop()
        return 0
    except Exception as error:  # any failure means "not ready"; the caller retries or reports it
        print(f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
