#!/usr/bin/env bash
# Run a command on a real X display: a private Xvfb screen (1366x768, a common laptop size)
# with the openbox window manager, so windows get frames, focus and stacking as on a desktop.
# Both are stopped when the command ends. Needs Debian's xvfb and openbox (tools/install-system-deps.sh).
set -euo pipefail
for tool in Xvfb openbox; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "with-display: $tool is missing; install it with: sudo apt-get install xvfb openbox xdotool x11-utils" >&2
    exit 3
  }
done
size="${CLINIC_DISPLAY_SIZE:-1366x768x24}"
fdfile="$(mktemp)"
exec 3<>"$fdfile"
Xvfb -displayfd 3 -screen 0 "$size" -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb_pid=$!
wm_pid=""
cleanup() {
  [ -n "$wm_pid" ] && kill "$wm_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -f "$fdfile"
}
trap cleanup EXIT
for _ in $(seq 100); do
  number="$(head -n1 "$fdfile" 2>/dev/null || true)"
  [ -n "$number" ] && break
  sleep 0.05
done
[ -n "${number:-}" ] || { echo "with-display: Xvfb did not start" >&2; exit 3; }
export DISPLAY=":$number"
openbox --sm-disable >/dev/null 2>&1 &
wm_pid=$!
# The window manager is ready when it owns the screen's WM selection.
for _ in $(seq 100); do
  if xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id"; then break; fi
  sleep 0.05
done
export QT_QPA_PLATFORM=xcb
"$@"
