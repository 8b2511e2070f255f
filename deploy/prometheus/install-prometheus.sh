#!/usr/bin/env bash
# Installs Prometheus and promtool (Debian's package) for the observability tests. Does nothing when promtool is
# already on the PATH. The package does not start a server by itself where there is no systemd; the tests start
# their own on 127.0.0.1.
set -euo pipefail
if command -v promtool >/dev/null 2>&1 && command -v prometheus >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-prometheus: not root and no sudo; install the 'prometheus' package by hand" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends prometheus >/dev/null
# the package may try to start its own server; ours never depends on it
promtool --version | head -1
