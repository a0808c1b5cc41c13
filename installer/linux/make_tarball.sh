#!/usr/bin/env bash
# Pack dist/Clinic with the installer files into dist/Clinic-<version>-linux-<arch>.tar.gz.
#   bash installer/linux/make_tarball.sh   (after pyinstaller; run from the repository root)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/pyproject.toml" | head -1)"
NAME="Clinic-$VERSION-linux-$(uname -m)"
STAGE="$(mktemp -d)"
trap 'rm -rf -- "$STAGE"' EXIT
mkdir "$STAGE/$NAME"
cp -a "$ROOT/dist/Clinic" "$STAGE/$NAME/Clinic"
cp "$ROOT/installer/linux/install.sh" "$ROOT/installer/linux/clinic.desktop" "$STAGE/$NAME/"
cp "$ROOT/docs/install.md" "$STAGE/$NAME/INSTALL.md"
tar -C "$STAGE" -czf "$ROOT/dist/$NAME.tar.gz" "$NAME"
echo "dist/$NAME.tar.gz ($(du -h "$ROOT/dist/$NAME.tar.gz" | cut -f1))"
