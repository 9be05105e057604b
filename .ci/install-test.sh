#!/usr/bin/env bash
# CI, after the tests: build the release artifacts and use them the way an admin would.
#
#  1. the tarball, unpacked in a fresh directory: --version, the bundled sample diagnosed
#     exactly as the golden file says, the start-up cache made on the first run and mapped on
#     the next, A2DOCTOR_OPTS reaching the JVM, and a user without a writable cache;
#  2. the .deb, installed with 'apt-get install ./target/...deb': the same sample, --version,
#     'man -w a2doctor', the completion scripts loaded by bash (through bash-completion) and
#     zsh, option defaults from /etc/a2doctor/a2doctor.conf, the cron job disabled; then
#     purged, so that a second run starts clean.
#
# Needs root, dpkg/apt (Debian 12) and what .ci/setup-apache.sh installs. Fails on the first
# check that does not hold, naming it.
set -euo pipefail
cd "$(dirname "$0")/.."
# the golden files are English: no locale from the caller
export LC_ALL=C.UTF-8
unset LANG LC_MESSAGES

if [ "$(id -u)" -ne 0 ]; then
  echo "install-test.sh: must run as root (it installs the .deb)" >&2
  exit 1
fi

fail() { echo "install-test.sh: FAILED: $*" >&2; exit 1; }
check() { echo "install-test.sh: ok: $*"; }

mvn -B -q package -DskipTests

version=$(sed -n 's/^version=//p' target/classes/a2doctor/version.properties)
tarball=target/a2doctor-$version.tar.gz
deb=$(ls target/a2doctor_*_all.deb)
[ -f "$tarball" ] || fail "$tarball was not built"
[ -f "$deb" ] || fail "no .deb was built"

work=$(mktemp -d /tmp/a2doctor-install-test.XXXXXX)
cleanup() {
  if dpkg-query -W -f='${db:Status-Status}' a2doctor 2>/dev/null | grep -q installed; then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -q a2doctor >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

sample=samples/wsgi-itk
diagnose_args=(diagnose --apache-config "$sample/etc/apache2/apache2.conf" --passwd "$sample/etc/passwd" "$sample/error.log")

# The sample diagnosed by the given launcher must print exactly the golden file, exit 1.
diagnoses_sample() {
  local code=0
  "$@" "${diagnose_args[@]}" >"$work/out.txt" 2>"$work/err.txt" || code=$?
  [ "$code" -eq 1 ] || fail "$* diagnose exited $code, expected 1: $(cat "$work/err.txt")"
  [ ! -s "$work/err.txt" ] || fail "$* diagnose wrote to stderr: $(cat "$work/err.txt")"
  cmp -s "$work/out.txt" "$sample/expected/diagnose-text.txt" \
    || { diff -u "$sample/expected/diagnose-text.txt" "$work/out.txt" | head -40; fail "$* diagnose output differs from the golden file"; }
}

# --- 1. the tarball --------------------------------------------------------------------------
mkdir "$work/opt"
tar -xzf "$tarball" -C "$work/opt"
home=$work/opt/a2doctor-$version
for f in bin/a2doctor lib/a2doctor.jar share/a2doctor/patterns/README.md \
    share/man/man1/a2doctor.1.gz share/man/man1/a2doctor-diagnose.1.gz \
    share/bash-completion/completions/a2doctor share/zsh/site-functions/_a2doctor \
    examples/cron.d/a2doctor examples/a2doctor.conf; do
  [ -e "$home/$f" ] || fail "the tarball lacks $f"
done
[ -x "$home/bin/a2doctor" ] || fail "bin/a2doctor is not executable"
check "tarball layout"

export XDG_CACHE_HOME=$work/cache
A2DOCTOR_CONFIG=/dev/null "$home/bin/a2doctor" --version >"$work/version.txt"
entries=$(find patterns -name '*.yaml' | wc -l)
grep -qx "a2doctor $version" "$work/version.txt" || fail "--version: $(cat "$work/version.txt")"
grep -qx "catalog: $entries entries from $home/share/a2doctor/patterns" "$work/version.txt" \
  || fail "--version does not name the unpacked catalog with $entries entries: $(cat "$work/version.txt")"
check "tarball --version: $(sed -n 2p "$work/version.txt")"
# --version keeps an AppCDS archive on any Java (diagnose and report an AOT cache on Java 25+)
archives=("$work"/cache/a2doctor/a2doctor-j*-*.*)
[ -s "${archives[0]}" ] || fail "the first run left no start-up cache in $work/cache/a2doctor"
check "first run made ${archives[0]#"$work"/}"
case ${archives[0]} in
  *.aot) tag=aot; opened="Opened AOT cache ${archives[0]}" ;;
  *) tag=cds; opened="Opened archive ${archives[0]}" ;;
esac
A2DOCTOR_OPTS="-Xlog:$tag" A2DOCTOR_CONFIG=/dev/null "$home/bin/a2doctor" --version >"$work/cds.txt"
grep -q "$opened" "$work/cds.txt" \
  || fail "the second run did not map the cache (or A2DOCTOR_OPTS did not reach the JVM)"
check "second run maps the archive; A2DOCTOR_OPTS reaches the JVM"
A2DOCTOR_CONFIG=/dev/null diagnoses_sample "$home/bin/a2doctor"
check "tarball diagnoses $sample as the golden file says"
# a user whose cache cannot be written still gets the answer (no archive, no noise)
ln -s "$home/bin/a2doctor" "$work/a2doctor-link"
chmod 755 "$work"
code=0
env -u XDG_CACHE_HOME HOME=/nonexistent A2DOCTOR_CONFIG=/dev/null \
  setpriv --reuid=nobody --regid=nogroup --clear-groups "$work/a2doctor-link" --version \
  >"$work/nobody.txt" 2>"$work/nobody-err.txt" || code=$?
[ "$code" -eq 0 ] && [ ! -s "$work/nobody-err.txt" ] && grep -qx "a2doctor $version" "$work/nobody.txt" \
  || fail "as nobody without a cache (exit $code): $(cat "$work/nobody-err.txt")"
check "runs through a symlink as nobody with an unwritable HOME"
unset XDG_CACHE_HOME

# --- 2. the Debian package -------------------------------------------------------------------
if dpkg-query -W a2doctor >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -q a2doctor >/dev/null
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$deb" >/dev/null
check "apt-get install ./$deb"
[ "$(command -v a2doctor)" = /usr/bin/a2doctor ] || fail "a2doctor is not /usr/bin/a2doctor on PATH"
for d in /usr/share/a2doctor/patterns /etc/a2doctor/patterns.d /var/lib/a2doctor; do
  [ -d "$d" ] || fail "$d is missing"
done
for f in /etc/a2doctor/a2doctor.conf /etc/cron.d/a2doctor; do
  grep -qx "$f" /var/lib/dpkg/info/a2doctor.conffiles || fail "$f is not a conffile"
done
# the cron job is shipped disabled: no line other than comments, blanks and MAILTO=
if grep -v -e '^#' -e '^[[:space:]]*$' -e '^MAILTO=' /etc/cron.d/a2doctor; then
  fail "/etc/cron.d/a2doctor has an active line"
fi
check "files, conffiles, disabled cron job"

# the cron job, switched on, runs: its command (after the user field) on the sample log
job=$(sed -n 's/^#[0-9*][^a-z]* root //p' /etc/cron.d/a2doctor)
[ -n "$job" ] || fail "no commented-out job line in /etc/cron.d/a2doctor"
job=${job//\/var\/log\/apache2\/error.log/$PWD/$sample/error.log}
code=0
sh -c "$job" >"$work/report.txt" 2>"$work/report-err.txt" || code=$?
[ "$code" -eq 1 ] && [ -s "$work/report.txt" ] && [ -s /var/lib/a2doctor/state.json ] \
  || fail "the cron job ($job) exited $code: $(cat "$work/report-err.txt")"
check "the cron job's command reports on the sample and keeps its state in /var/lib/a2doctor"

a2doctor --version >"$work/version.txt"
grep -qx "catalog: $entries entries from /usr/share/a2doctor/patterns" "$work/version.txt" \
  || fail "installed --version: $(cat "$work/version.txt")"
grep -qx "site catalog: 0 entries from /etc/a2doctor/patterns.d" "$work/version.txt" \
  || fail "installed --version does not name the site catalog: $(cat "$work/version.txt")"
grep -qx "config: /etc/a2doctor/a2doctor.conf" "$work/version.txt" \
  || fail "installed --version does not name the config: $(cat "$work/version.txt")"
check "installed --version: $(sed -n 2p "$work/version.txt")"
diagnoses_sample a2doctor
check "installed a2doctor diagnoses $sample as the golden file says"
a2doctor patterns test >"$work/patterns-test.txt" 2>&1 || fail "installed 'a2doctor patterns test': $(tail -5 "$work/patterns-test.txt")"
check "installed catalog passes 'a2doctor patterns test'"

# option defaults from /etc/a2doctor/a2doctor.conf, the command line still wins
cp /etc/a2doctor/a2doctor.conf "$work/a2doctor.conf.orig"
echo "a2doctor.diagnose.format = json" >>/etc/a2doctor/a2doctor.conf
a2doctor "${diagnose_args[@]}" >"$work/json.txt" || true
head -c 1 "$work/json.txt" | grep -q '{' || fail "a2doctor.conf format=json was not applied"
a2doctor "${diagnose_args[@]}" --format text >"$work/text.txt" || true
cmp -s "$work/text.txt" "$sample/expected/diagnose-text.txt" || fail "--format text did not win over a2doctor.conf"
cp "$work/a2doctor.conf.orig" /etc/a2doctor/a2doctor.conf
check "/etc/a2doctor/a2doctor.conf sets option defaults"

[ "$(man -w a2doctor)" = /usr/share/man/man1/a2doctor.1.gz ] || fail "man -w a2doctor: $(man -w a2doctor 2>&1)"
# (to a file first: grep -q closing the pipe early would fail the pipeline under pipefail)
man a2doctor-diagnose 2>/dev/null | col -b >"$work/man.txt"
grep -q -- '--fail-on' "$work/man.txt" || fail "man a2doctor-diagnose lacks --fail-on"
check "man -w a2doctor: $(man -w a2doctor)"

# bash: bash-completion finds the script by command name on first Tab, as in a login shell
bash -c '
  . /usr/share/bash-completion/bash_completion
  __load_completion a2doctor || exit 1
  complete -p a2doctor >/dev/null || exit 1
  COMP_WORDS=(a2doctor dia); COMP_CWORD=1; COMP_LINE="a2doctor dia"; COMP_POINT=${#COMP_LINE}
  _complete_a2doctor a2doctor dia a2doctor
  [ "${COMPREPLY[*]}" = diagnose ] || { echo "COMPREPLY: ${COMPREPLY[*]}" >&2; exit 1; }
  COMP_WORDS=(a2doctor diagnose --fail); COMP_CWORD=2; COMP_LINE="a2doctor diagnose --fail"; COMP_POINT=${#COMP_LINE}
  _complete_a2doctor a2doctor --fail diagnose
  [ "${COMPREPLY[*]}" = --fail-on ] || { echo "COMPREPLY: ${COMPREPLY[*]}" >&2; exit 1; }
' 2>"$work/bash-err.txt" || fail "bash completion did not load or complete: $(cat "$work/bash-err.txt")"
check "bash completion loads and completes 'a2doctor dia' and 'diagnose --fail'"
# zsh: an interactive shell on a pseudo-terminal (zpty) with the default fpath, where compinit
# finds _a2doctor; one Tab after "a2doctor dia" must turn it into "a2doctor diagnose"
cat >"$work/tab.zsh" <<'ZSH'
zmodload zsh/zpty
zpty z 'env -i HOME=/nonexistent TERM=dumb PATH=/usr/bin:/bin zsh -f -i'
zpty -w z 'PS1="> "; autoload -U compinit; compinit -u -D; print ready-$((6*7))'
zpty -r z out '*ready-42*'
zpty -w -n z $'a2doctor dia\t'
zpty -r z out '*a2doctor diagnose *'
ZSH
timeout 60 zsh -f "$work/tab.zsh" || fail "zsh: Tab after 'a2doctor dia' did not complete to 'diagnose'"
check "zsh completes 'a2doctor dia<Tab>' from /usr/share/zsh/vendor-completions"

DEBIAN_FRONTEND=noninteractive apt-get purge -y -q a2doctor >/dev/null
for f in /usr/bin/a2doctor /usr/share/a2doctor /etc/a2doctor /etc/cron.d/a2doctor /var/lib/a2doctor; do
  [ ! -e "$f" ] || fail "$f is left after purge"
done
check "apt-get purge a2doctor leaves nothing behind"
echo "install-test.sh: all checks passed"
