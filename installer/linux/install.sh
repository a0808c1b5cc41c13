#!/usr/bin/env bash
# Install Clinic for the current user: no administrator rights, no internet.
#
#   ./install.sh              install or update (from the unpacked tarball)
#   ./install.sh --uninstall  remove the program; the data folder is kept
#
# The program goes to ~/.local/opt/clinic; the menu entry and icons to ~/.local/share; a
# `clinic` command to ~/.local/bin. The data folder (~/.local/share/Clinic, or
# $CLINIC_DATA_DIR) is never written, moved or removed by this script.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
PREFIX="${CLINIC_PREFIX:-$HOME/.local/opt/clinic}"
BIN="$HOME/.local/bin"
APPS="$DATA_HOME/applications"
ICONS="$DATA_HOME/icons/hicolor"
SIZES="16 24 32 48 64 128 256 512"

refresh_menus() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$APPS" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$ICONS" || true
}

uninstall() {
    rm -rf -- "$PREFIX"
    rm -f -- "$APPS/clinic.desktop" "$ICONS/scalable/apps/clinic.svg"
    for size in $SIZES; do rm -f -- "$ICONS/${size}x${size}/apps/clinic.png"; done
    if [ -L "$BIN/clinic" ]; then rm -f -- "$BIN/clinic"; fi
    refresh_menus
    echo "Clinic is uninstalled. Your data folder was kept: ${CLINIC_DATA_DIR:-$DATA_HOME/Clinic}"
    echo "To remove the data too (after a backup!), see INSTALL.md in the tarball (docs/install.md), 'Uninstall'."
}

install() {
    local bundle="$HERE/Clinic"
    if [ ! -x "$bundle/Clinic" ]; then
        echo "install.sh: $bundle/Clinic not found; run this from the unpacked tarball." >&2
        exit 1
    fi
    case "$PREFIX" in
        "$DATA_HOME/Clinic"|"$DATA_HOME/Clinic/"*)
            echo "install.sh: $PREFIX is the data folder; choose another CLINIC_PREFIX." >&2
            exit 1 ;;
    esac
    # Copy beside the old program, then swap: an interrupted update leaves the old one working.
    mkdir -p "$(dirname "$PREFIX")"
    local staging="$PREFIX.new.$$"
    rm -rf -- "$staging"
    cp -a "$bundle" "$staging"
    if [ -d "$PREFIX" ]; then
        rm -rf -- "$PREFIX.old"
        mv -- "$PREFIX" "$PREFIX.old"
    fi
    mv -- "$staging" "$PREFIX"
    rm -rf -- "$PREFIX.old"

    mkdir -p "$APPS" "$ICONS/scalable/apps" "$BIN"
    local icons="$PREFIX/_internal/resources/icons"
    cp "$icons/clinic.svg" "$ICONS/scalable/apps/clinic.svg"
    for size in $SIZES; do
        mkdir -p "$ICONS/${size}x${size}/apps"
        cp "$icons/clinic-$size.png" "$ICONS/${size}x${size}/apps/clinic.png"
    done
    sed -e "s|^Exec=.*|Exec=\"$PREFIX/Clinic\"|" -e "s|^TryExec=.*|TryExec=$PREFIX/Clinic|" \
        "$HERE/clinic.desktop" > "$APPS/clinic.desktop"
    chmod 644 "$APPS/clinic.desktop"
    ln -sfn "$PREFIX/Clinic" "$BIN/clinic"
    refresh_menus

    echo "Clinic is installed in $PREFIX (menu: Office > Clinic; command: clinic)."
    echo "Checking the installation (a throwaway store; your data is not touched)..."
    if QT_QPA_PLATFORM=offscreen "$PREFIX/Clinic" --self-test; then
        echo "Done."
    else
        echo "The self-test failed: keep the output above and ask for help." >&2
        exit 1
    fi
}

case "${1:-}" in
    --uninstall) uninstall ;;
    "") install ;;
    *) echo "usage: $0 [--uninstall]" >&2; exit 2 ;;
esac
