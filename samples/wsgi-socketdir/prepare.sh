#!/usr/bin/env bash
# Called by src/test/apache/instance.sh start as "bash prepare.sh WORK_DIR",
# after the configuration was copied and before apache2 starts.
#
# The directory that WSGISocketPrefix points into (mods-enabled/wsgi.conf):
# owned by root, mode 0700. The Apache parent (root) can create the sockets in
# it, but the children (www-data) cannot traverse it to connect to them.
set -euo pipefail
work=$1
install -d -m 0700 -o root -g root "$work/run/sockets"
