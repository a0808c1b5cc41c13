#!/usr/bin/env bash
# Install the Debian packages Clinic's window and tests need, when root and something is missing.
set -euo pipefail
packages=(
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 fonts-dejavu-core
  dbus dbus-x11 gnome-keyring xvfb poppler-utils qpdf
)
command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian system; install the equivalents of: ${packages[*]}"; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# An independent SQLCipher 4 command-line client, to prove the recovery kit's key opens the
# database without Clinic. Debian bookworm's own package is SQLCipher 3; backports has 4.6.
want_sqlcipher4=0
if ! sqlcipher -version 2>/dev/null | grep -q "SQLCipher 4"; then
  want_sqlcipher4=1
fi
[ ${#missing[@]} -eq 0 ] && [ "$want_sqlcipher4" -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: missing Debian packages: ${missing[*]}"
  echo "system-deps: run 'sudo apt-get install ${missing[*]}' (tests that need them will be skipped)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
if [ "$want_sqlcipher4" -eq 1 ] && [ "$codename" = "bookworm" ] \
   && ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "deb http://deb.debian.org/debian bookworm-backports main" > /etc/apt/sources.list.d/clinic-backports.list
fi
apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  echo "system-deps: installing ${missing[*]}"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ "$want_sqlcipher4" -eq 1 ]; then
  echo "system-deps: installing an independent SQLCipher 4 client"
  if [ "$codename" = "bookworm" ]; then
    apt-get install -y -qq --no-install-recommends -t bookworm-backports sqlcipher >/dev/null || true
  else
    apt-get install -y -qq --no-install-recommends sqlcipher >/dev/null || true
  fi
fi
