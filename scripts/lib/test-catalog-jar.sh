#!/usr/bin/env bash
# Makes sure Spark 4.1.1's catalyst test jar is in the cache outside the repo, then prints its path.
#
# The servers register its InMemoryRowLevelOperationTableCatalog as catalog `testcat`
# (scripts/lib/spark-profiles.sh): the only catalog shipped with Spark whose tables accept row-level
# operations, so MERGE INTO, DataFrameWriterV2.overwrite(condition) and overwritePartitions() can be
# verified against the real server (the session catalog's parquet tables refuse them). It is the catalog
# Spark's own MergeInto and DataFrameWriterV2 suites run against, and needs no other test jar at runtime.
# Downloaded once from Maven Central and checked against a pinned sha256.
set -euo pipefail

JAR_NAME="spark-catalyst_2.13-4.1.1-tests.jar"
JAR_URL="https://repo1.maven.org/maven2/org/apache/spark/spark-catalyst_2.13/4.1.1/$JAR_NAME"
JAR_SHA256="b3725994dea2eb7d7d5bb922a3b89eab74717b86eb6ef4b13fa3bde0842af3bb"
CACHE_ROOT="${SPARKTS_CACHE:-$HOME/.cache/sparkts}"
JAR="$CACHE_ROOT/jars/$JAR_NAME"

die() {
  echo "sparkts: $*" >&2
  exit 1
}

verified() { [ -f "$JAR" ] && [ "$(sha256sum "$JAR" | cut -d' ' -f1)" = "$JAR_SHA256" ]; }

if ! verified; then
  mkdir -p "$CACHE_ROOT/jars"
  # Parallel callers (the two servers start together) wait for one download instead of racing.
  exec {lock_fd}>"$CACHE_ROOT/jars/download.lock"
  flock "$lock_fd"
  if ! verified; then
    command -v curl >/dev/null 2>&1 || die "curl is required to download $JAR_NAME (the servers' test catalog)"
    echo "sparkts: downloading $JAR_NAME (~7 MB, first run only) from $JAR_URL" >&2
    partial="$JAR.partial"
    curl --fail --silent --show-error --location --retry 3 --output "$partial" "$JAR_URL" ||
      die "could not download $JAR_URL (the Spark servers need it for the 'testcat' catalog); check the network or place the file at $JAR"
    actual="$(sha256sum "$partial" | cut -d' ' -f1)"
    if [ "$actual" != "$JAR_SHA256" ]; then
      rm -f "$partial"
      die "$JAR_URL has sha256 $actual, expected $JAR_SHA256; refusing to put it on the server's classpath"
    fi
    mv -f "$partial" "$JAR"
  fi
  flock -u "$lock_fd"
fi
echo "$JAR"
