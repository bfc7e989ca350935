# Server profiles for scripts/spark-server.sh (sourced, not run). A profile fixes the port and any
# extra Spark confs; everything else is shared so both servers compute the same answers.

SPARKTS_PROFILES=(default reattach)

# Prints the port of a profile, or fails naming the unknown profile.
profile_port() {
  case "$1" in
    # Overridable for a machine where the usual ports are taken (and for testing this script in isolation).
    default) echo "${SPARKTS_DEFAULT_PORT:-15002}" ;;
    reattach) echo "${SPARKTS_REATTACH_PORT:-15003}" ;;
    *)
      echo "sparkts: unknown server profile '$1' (known: ${SPARKTS_PROFILES[*]})" >&2
      return 1
      ;;
  esac
}

# Prints the extra confs of a profile, one `key=value` a line.
profile_confs() {
  profile_port "$1" >/dev/null || return 1
  # Shared by every profile. DataFrame.checkpoint needs a reliable checkpoint directory, and
  # SparkSession.copyFromLocalToFs may only write to a local destination when the server allows it.
  echo "spark.checkpoint.dir=$STATE_DIR/$1/checkpoints"
  echo "spark.connect.copyFromLocalToFs.allowDestLocal=true"
  # Catalog `testcat` keeps its tables in the server's memory and supports row-level operations (MERGE INTO,
  # overwrite by condition, dynamic partition overwrite); its class ships in the catalyst test jar that
  # scripts/lib/test-catalog-jar.sh fetches into TEST_CATALOG_JAR. Both confs are compared on reuse, so a
  # server started without them is not taken for one with them. (Spark hands spark.jars back as a file: URI.)
  echo "spark.jars=file://${TEST_CATALOG_JAR:?the caller sets TEST_CATALOG_JAR (scripts/lib/test-catalog-jar.sh)}"
  echo "spark.sql.catalog.testcat=org.apache.spark.sql.connector.catalog.InMemoryRowLevelOperationTableCatalog"
  case "$1" in
    default) ;;
    reattach)
      # The server ends every response stream after 1 s or a few hundred bytes, whichever comes
      # first, so every query of a client goes through ReattachExecute (as upstream's own tests do).
      # Units as Spark 4.1.1 declares them: duration is a time conf, size is a byte conf.
      echo "spark.connect.execute.reattachable.senderMaxStreamDuration=1s"
      echo "spark.connect.execute.reattachable.senderMaxStreamSize=300"
      ;;
  esac
}
