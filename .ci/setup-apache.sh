#!/usr/bin/env bash
# Prepare a Debian 12 machine for a2doctor's Apache integration tests.
#
# - installs apache2, mpm-itk, mod_wsgi (python3), curl, python3, tmux, ripgrep,
#   bash-completion and zsh (.ci/install-test.sh loads the completion scripts)
#   (skipped when all of them are already installed);
# - creates the system users foo, bar, hoge (uid 1001, 1002, 1003 when free,
#   otherwise useradd picks one), each with a group of the same name, no home
#   directory, shell /usr/sbin/nologin.
#
# Idempotent; must run as root. Never starts the system apache2 service: the
# tests run throwaway instances via src/test/apache/instance.sh.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    echo "setup-apache.sh: must run as root" >&2
    exit 1
fi

PACKAGES=(apache2 libapache2-mpm-itk libapache2-mod-wsgi-py3 curl python3 tmux ripgrep
          python3-aiosmtpd openssl
          bash-completion zsh)

missing=()
for p in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    if [ "$status" != "installed" ]; then
        missing+=("$p")
    fi
done

if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup-apache.sh: installing: ${missing[*]}"
    # Keep the package's postinst from starting the system service (no-op
    # where there is no init system, as in containers).
    policy_rc_created=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        policy_rc_created=1
    fi
    trap 'if [ "$policy_rc_created" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi' EXIT
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${PACKAGES[@]}"
else
    echo "setup-apache.sh: packages already installed"
fi

# Users: name -> preferred uid.
create_user() {
    local name=$1 uid=$2
    if getent passwd "$name" >/dev/null; then
        echo "setup-apache.sh: user $name exists ($(id -u "$name"))"
        return
    fi
    local args=(--system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin)
    if ! getent group "$name" >/dev/null; then
        if ! getent group "$uid" >/dev/null; then
            groupadd --system --gid "$uid" "$name"
        else
            groupadd --system "$name"
        fi
    fi
    args+=(--gid "$name")
    if ! getent passwd "$uid" >/dev/null; then
        args+=(--uid "$uid")
    fi
    useradd "${args[@]}" "$name"
    echo "setup-apache.sh: created user $(id "$name")"
}

create_user foo 1001
create_user bar 1002
create_user hoge 1003
