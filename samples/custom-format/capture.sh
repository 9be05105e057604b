#!/usr/bin/env bash
# Captures the logs of this sample from a real httpd (run as root from the repository root):
#   bash samples/custom-format/capture.sh [WORK_DIR]
# Starts the sample with src/test/apache/instance.sh, sends the requests below to every
# vhost, stops it, and copies WORK_DIR/log/*.log here. With A2D_DEFAULT_FORMAT=1 every
# ErrorLogFormat line is removed first, so the same requests are logged in the default format
# (the twin logs under default-format/).
# syslog.test logs to syslog:local1; to capture it, run a private rsyslogd first (Debian's
# rsyslog, RFC 3339 stamps as its default file format) and copy its file to var/log/local1.log:
#   printf '%s\n' 'module(load="imuxsock" SysSock.Name="/dev/log")' \
#     'local1.* action(type="omfile" file="/tmp/local1.log")' > /tmp/rs.conf
#   rsyslogd -f /tmp/rs.conf -i /tmp/rs.pid   ...capture...   kill $(cat /tmp/rs.pid); rm /dev/log
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=${1:-/tmp/a2d-custom-format}
port=${A2D_CAPTURE_PORT:-18473}
src=$here
if [ "${A2D_DEFAULT_FORMAT:-0}" = 1 ]; then
    src=$(mktemp -d)
    cp -r "$here/etc" "$here/srv" "$src/"
    sed -i '/ErrorLogFormat/d' "$src"/etc/apache2/apache2.conf "$src"/etc/apache2/sites-enabled/*.conf
fi
rm -rf "$work"
bash src/test/apache/instance.sh start "$src" "$work" "$port"
get() { # HOST PATH [curl args]
    local host=$1 path=$2; shift 2
    curl -s -o /dev/null -w "%{http_code} $host$path\n" -H "Host: $host" "$@" "http://127.0.0.1:$port$path"
}
for h in site.test ids.test one.test two.test proxied.test syslog.test; do
    get $h /private/index.html -H 'Referer: http://site.test/list.html' -H 'X-Forwarded-For: 203.0.113.7'
    get $h /missing.html -H 'X-Forwarded-For: 198.51.100.23, 10.0.0.2'
    get $h /noindex/
    get $h /cgi-bin/hello.cgi
done
bash src/test/apache/instance.sh stop "$work"
out=$here/var/log/apache2
[ "${A2D_DEFAULT_FORMAT:-0}" = 1 ] && out=$here/default-format && mkdir -p "$out"
for f in "$work"/log/*.log; do
    # the instance's work directory, as in the other samples
    sed "s#$work#/tmp/a2d-custom-format#g" "$f" > "$out/$(basename "$f")"
done
ls -l "$out"/*.log
