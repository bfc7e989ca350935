#!/usr/bin/env bash
# Runs local Apache Spark 4.1.1 Connect servers for the tests, bound to 127.0.0.1 only.
#
#   spark-server.sh start   [--profile default|reattach]   start, or reuse a server already answering
#   spark-server.sh stop    [--profile P | --all]          stop servers this script started
#   spark-server.sh status  [--profile P | --all]
#   spark-server.sh acquire --holder PID [--profile P]     start/reuse on behalf of a test run
#   spark-server.sh release --holder PID [--profile P]     the last live holder stops a server
#                                                          that `acquire` itself started
#
# Profiles (scripts/lib/spark-profiles.sh): `default` on port 15002, `reattach` on 15003 (forces
# ReattachExecute on every query); SPARKTS_DEFAULT_PORT / SPARKTS_REATTACH_PORT move them. Servers run
# from the pyspark 4.1.1 package installed by
# scripts/pyspark-env.sh. Logs, pid files, warehouse and metastore live under
# ${SPARKTS_CACHE:-~/.cache/sparkts}, never in the repository.
#
# `start`/`acquire` print the server URL followed by `started`, `restarted` (our own server had stopped
# answering) or `reused` on stdout; progress goes to stderr. SPARKTS_SERVER_MEMORY sets the JVM heap
# (default 4g: the test suite shares one server, and Connect holds a partition's whole Arrow result in memory).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/spark-profiles.sh
source "$SCRIPT_DIR/lib/spark-profiles.sh"

SPARK_VERSION_WANTED="4.1.1"
CACHE_ROOT="${SPARKTS_CACHE:-$HOME/.cache/sparkts}"
LOG_DIR="$CACHE_ROOT/logs"
RUN_DIR="$CACHE_ROOT/run"
STATE_DIR="$CACHE_ROOT/server-state"
START_TIMEOUT_SECONDS="${SPARKTS_SERVER_START_TIMEOUT:-300}"

say() { echo "sparkts: $*" >&2; }
die() {
  say "$*"
  exit 1
}

pid_file() { echo "$RUN_DIR/spark-$1.pid"; }
test_marker() { echo "$RUN_DIR/spark-$1.started-for-tests"; }
lease_dir() { echo "$RUN_DIR/spark-$1.leases"; }

is_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
recorded_pid() { cat "$(pid_file "$1")" 2>/dev/null || true; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Serialises everything that touches one profile's server, across processes and users of the repo.
with_profile_lock() {
  local profile="$1"
  shift
  mkdir -p "$RUN_DIR"
  exec {lock_fd}>"$RUN_DIR/spark-$profile.lock"
  flock "$lock_fd"
  "$@"
  flock -u "$lock_fd"
  exec {lock_fd}>&-
}

require_java_17() {
  command -v java >/dev/null 2>&1 || die "Java 17 or newer is required to run Spark $SPARK_VERSION_WANTED, but 'java' is not on PATH. Install a JDK 17+ (e.g. apt-get install openjdk-17-jre-headless) or set PATH/JAVA_HOME."
  local version_line major
  version_line="$(java -version 2>&1 | head -n 1)"
  major="$(sed -E 's/.*version "([0-9]+)(\.[0-9]+)?.*/\1/' <<<"$version_line")"
  [ "$major" = "1" ] && major="$(sed -E 's/.*version "1\.([0-9]+).*/\1/' <<<"$version_line")"
  [[ "$major" =~ ^[0-9]+$ ]] || die "could not read the Java version from: $version_line"
  [ "$major" -ge 17 ] || die "Spark $SPARK_VERSION_WANTED needs Java 17 or newer; found Java $major ($version_line)."
}

venv_python() { echo "$VENV/bin/python"; }

# Runs scripts/lib/spark-probe.py; prints its JSON line when the server answers a query.
probe() {
  local profile="$1" port confs
  port="$(profile_port "$profile")"
  mapfile -t confs < <(profile_confs "$profile" | cut -d= -f1)
  # The time limit covers a server that accepts connections but never answers (e.g. a stopped JVM).
  timeout 60 "$(venv_python)" "$SCRIPT_DIR/lib/spark-probe.py" "sc://127.0.0.1:$port" "${confs[@]}" \
    2>>"$LOG_DIR/probe-$profile.log"
}

# A running server is only reused when it is Spark 4.1.1 with this profile's confs in effect.
check_probe_answer() {
  local profile="$1" answer="$2"
  "$(venv_python)" - "$answer" "$SPARK_VERSION_WANTED" "$(profile_confs "$profile")" <<'PY' || return 1
import json, sys
answer, wanted_version, conf_lines = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
problems = []
if answer["version"] != wanted_version:
    problems.append(f"server is Spark {answer['version']}, expected {wanted_version}")
for line in filter(None, conf_lines.splitlines()):
    key, expected = line.split("=", 1)
    actual = answer["confs"].get(key)
    # Spark 4.1.1 hands set values back as written; also accept its normalised forms (1000ms, 300b).
    normal = {"1s": "1000ms"}.get(expected, expected)
    if actual not in (expected, normal, expected + "b"):
        problems.append(f"{key} is {actual!r}, expected {expected!r}")
for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
}

launch() {
  local profile="$1" port state log
  port="$(profile_port "$profile")"
  state="$STATE_DIR/$profile"
  log="$LOG_DIR/spark-$profile.log"
  # The server's catalog lives in memory, so tables written by an earlier server are forgotten while their
  # directories stay behind, and creating a managed table of the same name would then fail with
  # LOCATION_ALREADY_EXISTS. A fresh server therefore starts from an empty warehouse.
  rm -rf "$state/warehouse" "$state/tmp"
  mkdir -p "$state/warehouse" "$state/derby" "$state/tmp" "$LOG_DIR" "$RUN_DIR"
  [ -f "$log" ] && mv -f "$log" "$log.previous"

  local spark_home
  spark_home="$("$(venv_python)" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
  local args=(
    # Pinned rather than local[*] so partition counts (and thus monotonically_increasing_id,
    # spark_partition_id, unordered row order) do not depend on the machine's core count.
    --master "local[2]"
    --conf "spark.driver.memory=${SPARKTS_SERVER_MEMORY:-4g}"
    --conf spark.connect.grpc.binding.address=127.0.0.1
    --conf "spark.connect.grpc.binding.port=$port"
    --conf spark.driver.host=127.0.0.1
    --conf spark.driver.bindAddress=127.0.0.1
    # Speed and footprint only: no web UI (also avoids a port clash between the two servers).
    --conf spark.ui.enabled=false
    --conf "spark.sql.warehouse.dir=$state/warehouse"
    --conf "spark.local.dir=$state/tmp"
    # A JVM that ran out of heap has lost its SparkContext but would keep its port open, answering every
    # query with an error; exiting instead lets the next start or acquire bring up a fresh server.
    --conf "spark.driver.extraJavaOptions=-Dderby.system.home=$state/derby -XX:+ExitOnOutOfMemoryError"
  )
  local conf
  while IFS= read -r conf; do
    [ -n "$conf" ] && args+=(--conf "$conf")
  done < <(profile_confs "$profile")

  say "starting Spark $SPARK_VERSION_WANTED Connect server '$profile' on 127.0.0.1:$port (log: $log)"
  # Run from the state directory so anything Spark writes relative to its cwd stays out of the repo.
  (
    # The server must not inherit the profile lock, or it would hold it for its whole life.
    [ -z "${lock_fd:-}" ] || exec {lock_fd}>&-
    cd "$state"
    export SPARK_HOME="$spark_home" SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR="$LOG_DIR" SPARK_CONF_DIR="$state"
    # A client-side SPARK_REMOTE would make spark-submit refuse --master ("Remote cannot be specified with master").
    unset SPARK_REMOTE
    exec setsid "$spark_home/bin/spark-submit" "${args[@]}" \
      --class org.apache.spark.sql.connect.service.SparkConnectServer spark-internal \
      >"$log" 2>&1 </dev/null
  ) &
  local pid=$!
  echo "$pid" >"$(pid_file "$profile")"

  local deadline=$((SECONDS + START_TIMEOUT_SECONDS)) answer
  until port_open "$port" && answer="$(probe "$profile")"; do
    if ! is_alive "$pid"; then
      rm -f "$(pid_file "$profile")"
      tail -n 30 "$log" >&2 || true
      die "the '$profile' server exited during start-up (full log: $log)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 30 "$log" >&2 || true
      stop_profile "$profile"
      die "the '$profile' server did not answer within ${START_TIMEOUT_SECONDS}s (log: $log)"
    fi
    sleep 2
  done
  check_probe_answer "$profile" "$answer" || die "the '$profile' server started with unexpected settings (log: $log)"
  say "'$profile' server ready on sc://127.0.0.1:$port (pid $pid)"
}

# Stops and relaunches the server this script started, keeping whether a test run owns it.
replace_own_server() {
  local profile="$1" had_marker=""
  [ -f "$(test_marker "$profile")" ] && had_marker=yes
  stop_profile "$profile"
  launch "$profile"
  if [ -n "$had_marker" ]; then touch "$(test_marker "$profile")"; fi
}

# Prints the process ids of the test runs that hold a lease on the profile's server and are still alive.
live_holders() {
  local lease holders=()
  for lease in "$(lease_dir "$1")"/*; do
    [ -e "$lease" ] && is_alive "$(basename "$lease")" && holders+=("$(basename "$lease")")
  done
  echo "${holders[*]}"
}

# Reuses a server that already answers on the profile's port, else launches one. Prints the outcome.
ensure_running() {
  local profile="$1" port answer="" own
  port="$(profile_port "$profile")"
  own="$(recorded_pid "$profile")"
  if port_open "$port"; then
    # A server someone else is starting may open its port a moment before it answers queries.
    local deadline=$((SECONDS + 20))
    until answer="$(probe "$profile")"; do
      answer=""
      [ "$SECONDS" -lt "$deadline" ] || break
      sleep 3
    done
    if [ -n "$answer" ]; then
      if check_probe_answer "$profile" "$answer"; then
        say "reusing the Spark Connect server already running on 127.0.0.1:$port"
        echo "sc://127.0.0.1:$port reused"
        return
      fi
      is_alive "$own" || die "the server on port $port does not match profile '$profile'; stop it first"
      # Our own server from before a settings change (say, one without the test catalog): replace it, unless
      # another test run is still using it, which a restart would cut off.
      local holders
      holders="$(live_holders "$profile")"
      [ -z "$holders" ] ||
        die "the '$profile' server (pid $own) runs with outdated settings (above) but test runs $holders still use it; try again when they finish"
      say "the '$profile' server (pid $own) runs with outdated settings (above); restarting it with the current ones"
      replace_own_server "$profile"
      echo "sc://127.0.0.1:$port restarted"
      return
    fi
    is_alive "$own" ||
      die "port $port is taken, but it does not answer as a Spark Connect server (see $LOG_DIR/probe-$profile.log)"
  fi
  if is_alive "$own"; then
    # Our own server, alive but not answering (say its SparkContext died): replace it, keeping its ownership.
    say "the '$profile' server (pid $own) does not answer queries; restarting it (last log: $LOG_DIR/spark-$profile.log.previous)"
    replace_own_server "$profile"
    echo "sc://127.0.0.1:$port restarted"
    return
  fi
  rm -f "$(pid_file "$profile")" "$(test_marker "$profile")"
  launch "$profile"
  echo "sc://127.0.0.1:$port started"
}

stop_profile() {
  local profile="$1" pid
  pid="$(recorded_pid "$profile")"
  if ! is_alive "$pid"; then
    rm -f "$(pid_file "$profile")" "$(test_marker "$profile")"
    say "no '$profile' server started by this script is running"
    return
  fi
  say "stopping the '$profile' server (pid $pid)"
  kill -TERM "$pid"
  local waited=0
  while is_alive "$pid" && [ "$waited" -lt 30 ]; do
    sleep 1
    waited=$((waited + 1))
  done
  if is_alive "$pid"; then
    say "pid $pid ignored SIGTERM for 30s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$profile")" "$(test_marker "$profile")"
}

status_profile() {
  local profile="$1" port pid
  port="$(profile_port "$profile")"
  pid="$(recorded_pid "$profile")"
  if port_open "$port"; then
    if is_alive "$pid"; then echo "$profile: running on 127.0.0.1:$port (pid $pid)"; else echo "$profile: port $port answers (not started by this script)"; fi
  else
    echo "$profile: not running"
  fi
}

start_cmd() {
  local outcome
  outcome="$(ensure_running "$1")"
  # An explicit start keeps the server: a test run that happened to start it will no longer stop it.
  rm -f "$(test_marker "$1")"
  echo "$outcome"
}

acquire_cmd() {
  local profile="$1" holder="$2" outcome
  outcome="$(ensure_running "$profile")"
  [ "${outcome##* }" = "started" ] && touch "$(test_marker "$profile")"
  mkdir -p "$(lease_dir "$profile")"
  touch "$(lease_dir "$profile")/$holder"
  echo "$outcome"
}

release_cmd() {
  local profile="$1" holder="$2" lease
  rm -f "$(lease_dir "$profile")/$holder"
  for lease in "$(lease_dir "$profile")"/*; do
    [ -e "$lease" ] || continue
    if is_alive "$(basename "$lease")"; then
      say "'$profile' server kept: test run $(basename "$lease") still uses it"
      return
    fi
    rm -f "$lease"
  done
  if [ -f "$(test_marker "$profile")" ]; then stop_profile "$profile"; fi
}

main() {
  local command="${1:-}"
  shift || true
  local profiles=() holder=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --profile) profiles+=("${2:?--profile needs a name}") && shift 2 ;;
      --all) profiles=("${SPARKTS_PROFILES[@]}") && shift ;;
      --holder) holder="${2:?--holder needs a process id}" && shift 2 ;;
      *) die "unknown argument '$1' (see the header of $0)" ;;
    esac
  done
  [ ${#profiles[@]} -gt 0 ] || profiles=(default)
  local profile
  for profile in "${profiles[@]}"; do profile_port "$profile" >/dev/null; done

  case "$command" in
    start | acquire)
      [ "$command" = "start" ] || [[ "$holder" =~ ^[0-9]+$ ]] || die "$command needs --holder <pid>"
      require_java_17
      VENV="$(bash "$SCRIPT_DIR/pyspark-env.sh")"
      TEST_CATALOG_JAR="$(bash "$SCRIPT_DIR/lib/test-catalog-jar.sh")"
      mkdir -p "$LOG_DIR"
      for profile in "${profiles[@]}"; do
        if [ "$command" = "start" ]; then
          with_profile_lock "$profile" start_cmd "$profile"
        else
          with_profile_lock "$profile" acquire_cmd "$profile" "$holder"
        fi
      done
      ;;
    stop) for profile in "${profiles[@]}"; do with_profile_lock "$profile" stop_profile "$profile"; done ;;
    release)
      [[ "$holder" =~ ^[0-9]+$ ]] || die "release needs --holder <pid>"
      for profile in "${profiles[@]}"; do with_profile_lock "$profile" release_cmd "$profile" "$holder"; done
      ;;
    status) for profile in "${profiles[@]}"; do status_profile "$profile"; done ;;
    *) die "usage: $0 start|stop|status|acquire|release [--profile default|reattach] [--all] [--holder PID]" ;;
  esac
}

main "$@"
