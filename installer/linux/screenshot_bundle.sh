#!/usr/bin/env bash
# Start the bundled app under Xvfb on a throwaway data folder and screenshot the screen.
#   bash installer/linux/screenshot_bundle.sh [out.png]   (after the bundle is built)
# Needs Xvfb and the development venv (its PySide6 grabs the screen).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$ROOT/docs/screenshots/bundle-first-start-xvfb.png}"
DISPLAY_NUMBER=":97"
WORK="$(mktemp -d)"
Xvfb "$DISPLAY_NUMBER" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
cleanup() {
    [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true
    kill "$XVFB" 2>/dev/null || true
    rm -rf -- "$WORK"
}
trap cleanup EXIT
sleep 1
env -i PATH=/usr/bin:/bin HOME="$HOME" LANG=C.UTF-8 DISPLAY="$DISPLAY_NUMBER" \
    CLINIC_DATA_DIR="$WORK/data" "$ROOT/dist/Clinic/Clinic" &
APP=$!
sleep 6
kill -0 "$APP"  # still running: the window is up, not a crash
DISPLAY="$DISPLAY_NUMBER" QT_QPA_PLATFORM=xcb "$ROOT/.venv/bin/python" -c '
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)
' "$OUT"
echo "$OUT"
