#!/usr/bin/env bash
# macOS: the .app bundle PyInstaller made (build.spec's BUNDLE) into a compressed .dmg with a
# link to /Applications, ready to drag and drop.
#
#   pyinstaller build.spec && packaging/macos/build_dmg.sh
#
# Needs hdiutil (part of macOS). Not signed or notarized: Gatekeeper then asks to confirm
# the first start (right-click > Open), until a Developer ID signs it.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' pos_refunds/__init__.py)
app="dist/POS Refunds.app"
[ -d "$app" ] || { echo "no $app (run: pyinstaller build.spec)" >&2; exit 1; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
dmg="dist/pos-refunds-$version.dmg"
rm -f "$dmg"
hdiutil create -volname "POS Refunds $version" -srcfolder "$stage" -ov -format UDZO "$dmg" >/dev/null
echo "$dmg"
