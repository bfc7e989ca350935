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

# pyspark 4.1 supports Python 3.10 and newer; say so plainly instead of failing deep inside pip.
require_python() {
  command -v python3 >/dev/null 2>&1 || {
    echo "sparkts: python3 (3.10 or newer) is required for the PySpark reference and the Spark server" >&2
    exit 1
  }
  python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' || {
    echo "sparkts: pyspark $PYSPARK_VERSION needs Python 3.10 or newer; python3 is $(python3 --version 2>&1)" >&2
    exit 1
  }
  python3 -c 'import venv, ensurepip' 2>/dev/null || {
    echo "sparkts: python3 cannot create virtualenvs (on Debian/Ubuntu: apt-get install python3-venv)" >&2
    exit 1
  }
}

if [ "$(installed_version)" != "$PYSPARK_VERSION" ]; then
  mkdir -p "$CACHE_ROOT"
  # Parallel callers (two test runs, two servers) wait for one installer instead of racing in one venv.
  exec {lock_fd}>"$CACHE_ROOT/pyspark-env.lock"
  flock "$lock_fd"
  if [ "$(installed_version)" != "$PYSPARK_VERSION" ]; then
    require_python
    echo "sparkts: installing pyspark[connect]==$PYSPARK_VERSION into $VENV (first run only, ~1 minute)" >&2
    started=$SECONDS
    # Idempotent: pip completes a venv left half-made by an interrupted install.
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark[connect]==$PYSPARK_VERSION" "pandas>=2.2,<3" >&2
    if [ "$(installed_version)" != "$PYSPARK_VERSION" ]; then
      echo "sparkts: pyspark $PYSPARK_VERSION did not install into $VENV" >&2
      exit 1
    fi
    echo "sparkts: pyspark $PYSPARK_VERSION installed in $((SECONDS - started))s" >&2
  fi
  flock -u "$lock_fd"
fi
echo "$VENV"
