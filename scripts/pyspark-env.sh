#!/usr/bin/env bash
# Makes sure a Python virtualenv with pyspark[connect]==4.1.1 exists in a cache directory outside the repo,
# then prints its path. The package ships Spark's jars (the Connect server included) and is also the
# PySpark reference client that golden captures and type-fidelity tests compare against.
set -euo pipefail

PYSPARK_VERSION="4.1.1"
CACHE_ROOT="${SPARKTS_CACHE:-$HOME/.cache/sparkts}"
VENV="$CACHE_ROOT/pyspark-$PYSPARK_VERSION"

installed_version() {
  "$VENV/bin/python" -c 'import pyspark, pandas, pyarrow, grpc; print(pyspark.__version__)' 2>/dev/null || true
}

if [ "$(installed_version)" != "$PYSPARK_VERSION" ]; then
  echo "sparkts: installing pyspark[connect]==$PYSPARK_VERSION into $VENV (first run only)" >&2
  mkdir -p "$CACHE_ROOT"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "pyspark[connect]==$PYSPARK_VERSION" "pandas>=2.2,<3" >&2
  if [ "$(installed_version)" != "$PYSPARK_VERSION" ]; then
    echo "sparkts: pyspark $PYSPARK_VERSION did not install into $VENV" >&2
    exit 1
  fi
fi
echo "$VENV"
