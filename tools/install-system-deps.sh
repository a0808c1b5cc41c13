#!/usr/bin/env bash
# The Debian packages Clinic needs, installed when running as root and something is missing.
#
#   tools/install-system-deps.sh run    what the window needs (make run, make demo). Not root:
#                                       prints the one command that installs them and fails, so
#                                       the window never starts only to abort inside Qt.
#   tools/install-system-deps.sh office what the window needs plus Debian's PostgreSQL server
#                                       (make office-demo); like run when not root.
#   tools/install-system-deps.sh test   the same plus what the tests need (make test and the
#                                       real-display tests). Not root: prints the command and goes
#                                       on; the tests that need a missing package are skipped
#                                       (under CI=true they fail instead: tests/conftest.py).
#
# On a system without dpkg the packages cannot be checked here: `clinic` itself checks the
# window's libraries before it starts (clinic/services/desktop_libraries.py) and says what is
# missing. CLINIC_DEPS_UID stands in for `id -u` (the tests run this script as a non-root user).
set -euo pipefail
mode="${1:-test}"

# What Qt's xcb window needs beyond the PySide6 wheel: EGL/GL, xkbcommon, fontconfig, D-Bus,
# GLib, the xcb helper libraries (libxcb-cursor0 is the one Qt names in "could not load the Qt
# platform plugin xcb"), and fonts: DejaVu for Latin, Cyrillic, Greek and Arabic names, Droid Sans
# Fallback for Chinese and Japanese names (the same font the PDFs use, decision 0011).
run_packages=(
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1
  fonts-dejavu-core fonts-droid-fallback
)
# What the tests need: a Secret Service for the real keychain test (dbus, gnome-keyring), the
# real X display tests (Xvfb, the openbox window manager, xdotool to type and click, x11-utils
# for xwininfo/xprop), independent PDF tools (pdftoppm/pdftotext, qpdf), desktop-file-utils to
# validate the installer's .desktop entry, and GTK 3 for the
# test that drives GTK's own file dialog (Qt's gtk3 platform theme), and Debian's PostgreSQL
# server for office mode (the tests initdb a throwaway cluster; postgresql-contrib: pg_trgm).
test_packages=(
  dbus dbus-x11 gnome-keyring
  xvfb openbox xdotool x11-utils
  poppler-utils qpdf
  desktop-file-utils
  libgtk-3-0
  postgresql postgresql-contrib
)

case "$mode" in
  run) packages=("${run_packages[@]}") ;;
  office) packages=("${run_packages[@]}" postgresql postgresql-contrib) ;;
  test) packages=("${run_packages[@]}" "${test_packages[@]}") ;;
  *)
    echo "usage: $0 run|office|test" >&2
    exit 2
    ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  if [ "$mode" = test ]; then
    echo "system-deps: not a Debian system; install the equivalents of: ${packages[*]}"
  fi
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The tests use an independent SQLCipher 4 command-line client, to prove the recovery kit's key
# opens the database without Clinic. Debian bookworm's own package is SQLCipher 3; backports has 4.6.
want_sqlcipher4=0
if [ "$mode" = test ] && ! sqlcipher -version 2>/dev/null | grep -q "SQLCipher 4"; then
  want_sqlcipher4=1
fi
[ ${#missing[@]} -eq 0 ] && [ "$want_sqlcipher4" -eq 0 ] && exit 0

command_line="sudo apt-get install --no-install-recommends ${missing[*]}"
uid="${CLINIC_DEPS_UID:-$(id -u)}"
if [ "$uid" -ne 0 ]; then
  if [ "$mode" != test ]; then
    {
      if [ "$mode" = run ]; then
        echo "Clinic's window needs desktop libraries that are not installed: ${missing[*]}"
      else
        echo "Clinic's office demo needs Debian packages that are not installed: ${missing[*]}"
      fi
      echo "Install them with this one command, then run make again:"
      echo
      echo "    $command_line"
      echo
    } >&2
    exit 1
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "system-deps: missing Debian packages: ${missing[*]}"
    echo "system-deps: run '$command_line' (tests that need them will be skipped)"
  fi
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
if [ "$want_sqlcipher4" -eq 1 ] && [ "$codename" = "bookworm" ] \
   && ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "deb http://deb.debian.org/debian bookworm-backports main" > /etc/apt/sources.list.d/clinic-backports.list
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "system-deps: installing ${missing[*]}"
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    echo "system-deps: could not install ${missing[*]}; install them with: ${command_line#sudo }" >&2
    [ "$mode" != test ] && exit 1
  fi
elif [ "$want_sqlcipher4" -eq 1 ]; then
  apt-get update -qq
fi
if [ "$want_sqlcipher4" -eq 1 ]; then
  echo "system-deps: installing an independent SQLCipher 4 client"
  if [ "$codename" = "bookworm" ]; then
    apt-get install -y -qq --no-install-recommends -t bookworm-backports sqlcipher >/dev/null || true
  else
    apt-get install -y -qq --no-install-recommends sqlcipher >/dev/null || true
  fi
fi
