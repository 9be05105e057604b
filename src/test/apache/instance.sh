#!/usr/bin/env bash
# Throwaway Apache httpd instances for a2doctor's tests and samples.
#
#   instance.sh start   SAMPLE_DIR WORK_DIR PORT
#   instance.sh stop    WORK_DIR
#   instance.sh restart WORK_DIR
#   instance.sh status  WORK_DIR          (exit 0 when running)
#
# start:   copies SAMPLE_DIR/etc/apache2 to WORK_DIR/etc/apache2 and SAMPLE_DIR/srv
#          to WORK_DIR/srv (replacing earlier copies), rewrites the copied envvars so
#          that APACHE_RUN_DIR, APACHE_LOCK_DIR, APACHE_LOG_DIR, APACHE_PID_FILE,
#          A2D_SRV and A2D_PORT point into WORK_DIR (run/, lock/, log/, srv/,
#          run/apache2.pid, PORT), then starts apache2 the way apache2ctl does:
#              . envvars; /usr/sbin/apache2 -d CONF -f CONF/apache2.conf -k start
#          and waits up to 15 s for 127.0.0.1:PORT to accept connections.
#          If SAMPLE_DIR/prepare.sh exists it is run as "bash prepare.sh WORK_DIR"
#          after the copy and before apache2 starts (sample-specific state such
#          as a directory with restrictive permissions).
# stop:    SIGTERM to the pid in the pidfile, waits up to 15 s for it to go, then
#          SIGKILL; finally kills anything left of this instance (its children and
#          mod_wsgi daemon processes, recognised by their command line, which
#          contains "-d WORK_DIR/etc/apache2").
# restart: stop, then start again from WORK_DIR as it is now (the copied and
#          possibly edited configuration and permissions; nothing is copied or
#          prepared again), same port.
#
# Permissions: with MPM-ITK (and for mod_wsgi daemons) the server's children run
# as other users (www-data, foo, ...), so WORK_DIR and every directory above it
# must be traversable by everyone. WORK_DIR is made 0755; an ancestor lacking
# o+x (e.g. a JUnit @TempDir, mode 0700, when WORK_DIR is below it) gets o+x
# added, with a note on stderr. Set A2D_NO_FIX_PARENTS=1 to fail instead.
# Copied directories are 0755, copied files 0644.
#
# Must run as root (apache2 binds, setuid()s and ITK needs it). On failure the
# tail of the error log is printed to stderr and the exit status is non-zero.
set -euo pipefail

APACHE2=${A2D_APACHE2:-/usr/sbin/apache2}
WAIT_SECONDS=15

die() { echo "instance.sh: $*" >&2; exit 1; }
note() { echo "instance.sh: $*" >&2; }

usage() {
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

abspath() {
    # Absolute, normalised path of an existing directory.
    (cd "$1" && pwd -P)
}

# --- permissions -------------------------------------------------------------

make_traversable() {
    local dir=$1 parent
    chmod 0755 "$dir"
    parent=$(dirname "$dir")
    while :; do
        if [ "$(( 0$(stat -c %a "$parent") & 01 ))" -eq 0 ]; then
            if [ "${A2D_NO_FIX_PARENTS:-0}" = 1 ]; then
                die "$parent is not traversable by others (mode $(stat -c %a "$parent")); apache children running as other users could not reach $dir"
            fi
            note "adding o+x to $parent (mode $(stat -c %a "$parent")) so that $dir is reachable"
            chmod o+x "$parent"
        fi
        [ "$parent" = / ] && break
        parent=$(dirname "$parent")
    done
}

normalise_tree() {
    # Directories 0755, files 0644 (keeps nothing executable: the samples only
    # hold configuration and WSGI scripts).
    find "$1" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
}

# --- envvars -----------------------------------------------------------------

set_export() {
    # set_export FILE VAR VALUE: replace the "export VAR=..." line (must exist
    # exactly once) by "export VAR=VALUE".
    local file=$1 var=$2 value=$3 count
    count=$(grep -c "^[[:space:]]*export[[:space:]]\+$var=" "$file" || true)
    if [ "$count" != 1 ]; then
        die "$file: expected exactly one 'export $var=...' line, found $count"
    fi
    local tmp
    tmp=$(mktemp "$file.XXXXXX")
    VAR=$var VALUE=$value awk '
        BEGIN { var = ENVIRON["VAR"]; value = ENVIRON["VALUE"] }
        $0 ~ "^[[:space:]]*export[[:space:]]+" var "=" {
            print "export " var "=" value "    # set by instance.sh"
            next
        }
        { print }
    ' "$file" > "$tmp"
    chmod 0644 "$tmp"
    mv "$tmp" "$file"
}

# --- process helpers ---------------------------------------------------------

conf_dir() { echo "$1/etc/apache2"; }
pid_file() { echo "$1/run/apache2.pid"; }
state_dir() { echo "$1/.instance"; }

instance_pids() {
    # All processes whose command line has "-d WORK_DIR/etc/apache2" (the main
    # process, its children, mod_wsgi daemons: they keep the parent's argv).
    local want=$1 p cmd
    for p in /proc/[0-9]*; do
        cmd=$(tr '\0' ' ' 2>/dev/null < "$p/cmdline") || continue
        case "$cmd" in
            *" -d $want "*) echo "${p#/proc/}" ;;
        esac
    done
}

descendants() {
    local p c
    for p in "$@"; do
        for c in $(pgrep -P "$p" 2>/dev/null || true); do
            echo "$c"
            descendants "$c"
        done
    done
}

alive() { kill -0 "$1" 2>/dev/null; }

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

error_log_of() { echo "$1/log/error.log"; }

print_log_tail() {
    local work=$1 log
    log=$(error_log_of "$work")
    if [ -s "$work/.instance/apache2.out" ]; then
        echo "--- apache2 stdout/stderr ---" >&2
        tail -n 40 "$work/.instance/apache2.out" >&2
    fi
    if [ -f "$log" ]; then
        echo "--- tail of $log ---" >&2
        tail -n 40 "$log" >&2
    else
        echo "--- no error log at $log ---" >&2
    fi
}

# --- commands ----------------------------------------------------------------

launch() {
    # launch WORK_DIR PORT: start apache2 on the already prepared WORK_DIR.
    local work=$1 port=$2 conf out
    conf=$(conf_dir "$work")
    out=$(state_dir "$work")/apache2.out

    if [ -n "$(instance_pids "$conf")" ]; then
        die "an instance for $work is already running (pids: $(instance_pids "$conf" | tr '\n' ' ')); stop it first"
    fi
    if port_open "$port"; then
        die "127.0.0.1:$port already accepts connections (another server?)"
    fi
    rm -f "$(pid_file "$work")"
    mkdir -p "$work/run" "$work/lock" "$work/log"

    # As apache2ctl: a clean-ish environment, envvars sourced, then apache2.
    # The "-d CONF" argument must stay in argv: stop finds processes by it.
    set +e
    # shellcheck disable=SC2016  # expanded by the inner shell, after envvars
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        APACHE_CONFDIR="$conf" APACHE_ENVVARS="$conf/envvars" \
        bash -c '. "$APACHE_ENVVARS" && exec "$0" -d "$APACHE_CONFDIR" -f "$APACHE_CONFDIR/apache2.conf" -k start' \
        "$APACHE2" > "$out" 2>&1
    local rc=$?
    set -e
    if [ $rc -ne 0 ]; then
        note "apache2 -k start failed with status $rc"
        print_log_tail "$work"
        kill_leftovers "$work"
        exit 1
    fi

    local deadline=$(( $(date +%s) + WAIT_SECONDS ))
    while ! port_open "$port"; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            note "127.0.0.1:$port does not accept connections after ${WAIT_SECONDS}s"
            print_log_tail "$work"
            stop_instance "$work" || true
            exit 1
        fi
        sleep 0.1
    done
    # The pid file is written before the port opens; be tolerant anyway.
    while [ ! -s "$(pid_file "$work")" ]; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            note "no pid file $(pid_file "$work") after ${WAIT_SECONDS}s"
            print_log_tail "$work"
            stop_instance "$work" || true
            exit 1
        fi
        sleep 0.1
    done
    cat "$(pid_file "$work")" > "$(state_dir "$work")/pid"
    note "started $work on 127.0.0.1:$port (pid $(cat "$(pid_file "$work")"), error log $(error_log_of "$work"))"
}

kill_leftovers() {
    local work=$1 conf pids deadline
    conf=$(conf_dir "$work")
    pids=$(instance_pids "$conf")
    [ -z "$pids" ] && return 0
    # shellcheck disable=SC2086
    kill -9 $pids 2>/dev/null || true
    deadline=$(( $(date +%s) + WAIT_SECONDS ))
    while [ -n "$(instance_pids "$conf")" ]; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            note "processes of $work survive SIGKILL: $(instance_pids "$conf" | tr '\n' ' ')"
            return 1
        fi
        sleep 0.1
    done
}

stop_instance() {
    local work=$1 pid="" pf conf deadline known
    pf=$(pid_file "$work")
    conf=$(conf_dir "$work")
    if [ -s "$pf" ]; then
        pid=$(cat "$pf")
    elif [ -s "$(state_dir "$work")/pid" ]; then
        pid=$(cat "$(state_dir "$work")/pid")
    fi
    # Remember the whole tree now: after the parent is gone, orphans are
    # reparented and only their command line identifies them.
    known=""
    if [ -n "$pid" ] && alive "$pid"; then
        known="$pid $(descendants "$pid" | tr '\n' ' ')"
        kill -TERM "$pid" 2>/dev/null || true
        deadline=$(( $(date +%s) + WAIT_SECONDS ))
        while alive "$pid"; do
            if [ "$(date +%s)" -ge "$deadline" ]; then
                note "pid $pid still alive after ${WAIT_SECONDS}s, sending SIGKILL"
                kill -KILL "$pid" 2>/dev/null || true
                break
            fi
            sleep 0.1
        done
    fi
    # Children of the old parent still around (same pid, same instance)?
    local p leftover=""
    for p in $known; do
        if alive "$p" && tr '\0' ' ' 2>/dev/null < "/proc/$p/cmdline" | grep -qF -- " -d $conf "; then
            leftover="$leftover $p"
        fi
    done
    if [ -n "$leftover" ]; then
        # Give them the same grace the parent had (mod_wsgi daemons may take a
        # few seconds), then kill.
        deadline=$(( $(date +%s) + 5 ))
        for p in $leftover; do
            while alive "$p" && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.1; done
        done
    fi
    kill_leftovers "$work"
    rm -f "$pf" "$(state_dir "$work")/pid"
}

cmd_start() {
    [ $# -eq 3 ] || usage
    local sample=$1 work=$2 port=$3
    [ "$(id -u)" -eq 0 ] || die "must run as root"
    if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
        die "bad port: $port"
    fi
    [ -d "$sample/etc/apache2" ] || die "$sample/etc/apache2 is not a directory"
    [ -f "$sample/etc/apache2/envvars" ] || die "$sample/etc/apache2/envvars is missing"
    [ -f "$sample/etc/apache2/apache2.conf" ] || die "$sample/etc/apache2/apache2.conf is missing"
    mkdir -p "$work"
    sample=$(abspath "$sample")
    work=$(abspath "$work")
    case "$work" in
        *[[:space:]]*) die "WORK_DIR must not contain white space: $work" ;;
    esac
    [ "$work" != / ] || die "WORK_DIR must not be /"

    if [ -n "$(instance_pids "$(conf_dir "$work")")" ]; then
        die "an instance for $work is already running; stop it first"
    fi

    make_traversable "$work"
    rm -rf "${work:?}/etc" "${work:?}/srv" "${work:?}/run" "${work:?}/lock" "$(state_dir "$work")"
    mkdir -p "$work/etc" "$(state_dir "$work")"
    cp -R "$sample/etc/apache2" "$work/etc/apache2"
    if [ -d "$sample/srv" ]; then
        cp -R "$sample/srv" "$work/srv"
    else
        mkdir -p "$work/srv"
    fi
    normalise_tree "$work/etc"
    normalise_tree "$work/srv"
    chmod 0755 "$work/etc" "$work/srv"

    local envvars=$work/etc/apache2/envvars
    set_export "$envvars" APACHE_RUN_DIR "$work/run"
    set_export "$envvars" APACHE_LOCK_DIR "$work/lock"
    set_export "$envvars" APACHE_LOG_DIR "$work/log"
    set_export "$envvars" APACHE_PID_FILE "$work/run/apache2.pid"
    set_export "$envvars" A2D_SRV "$work/srv"
    set_export "$envvars" A2D_PORT "$port"

    echo "$port" > "$(state_dir "$work")/port"
    echo "$sample" > "$(state_dir "$work")/sample"
    mkdir -p "$work/run" "$work/lock" "$work/log"
    chmod 0755 "$work/run" "$work/lock" "$work/log"
    if [ -f "$sample/prepare.sh" ]; then
        # Sample-specific state that is not configuration (e.g. a directory
        # with restrictive permissions). Runs once per start, not on restart.
        bash "$sample/prepare.sh" "$work" || die "$sample/prepare.sh $work failed"
    fi
    launch "$work" "$port"
}

cmd_stop() {
    [ $# -eq 1 ] || usage
    [ -d "$1" ] || die "no such directory: $1"
    local work
    work=$(abspath "$1")
    stop_instance "$work"
    note "stopped $work"
}

cmd_restart() {
    [ $# -eq 1 ] || usage
    [ -d "$1" ] || die "no such directory: $1"
    local work port
    work=$(abspath "$1")
    [ -s "$(state_dir "$work")/port" ] || die "$work was not prepared by 'instance.sh start'"
    port=$(cat "$(state_dir "$work")/port")
    stop_instance "$work"
    launch "$work" "$port"
}

cmd_status() {
    [ $# -eq 1 ] || usage
    local work pids
    work=$(abspath "$1")
    pids=$(instance_pids "$(conf_dir "$work")" | tr '\n' ' ')
    if [ -n "$pids" ]; then
        echo "running: $pids"
    else
        echo "stopped"
        return 1
    fi
}

[ $# -ge 1 ] || usage
command=$1
shift
case "$command" in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    restart) cmd_restart "$@" ;;
    status) cmd_status "$@" ;;
    *) usage ;;
esac
