#!/usr/bin/env bash
# Run a command inside a private D-Bus session with an unlocked gnome-keyring, so the tests
# can use a real Secret Service headless. Without dbus or gnome-keyring the command runs as is
# and the keychain tests skip themselves.
set -euo pipefail
if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1 \
   && [ -z "${CLINIC_IN_KEYRING_SESSION:-}" ]; then
  export CLINIC_IN_KEYRING_SESSION=1
  exec dbus-run-session -- bash "$0" "$@"
fi
if [ -n "${CLINIC_IN_KEYRING_SESSION:-}" ] && [ -z "${CLINIC_KEYRING_STARTED:-}" ]; then
  export CLINIC_KEYRING_STARTED=1
  # A throwaway keyring home and an empty login password: nothing here outlives the run.
  XDG_DATA_HOME="$(mktemp -d)"
  export XDG_DATA_HOME
  eval "$(printf '\n' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
  export CLINIC_REAL_KEYCHAIN=1
fi
exec "$@"
