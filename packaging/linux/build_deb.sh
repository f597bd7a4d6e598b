#!/usr/bin/env bash
# Build the Debian package from the PyInstaller one-folder build.
#
#   packaging/linux/build_deb.sh [DIST_FOLDER] [OUTPUT_FOLDER]
#
# DIST_FOLDER defaults to dist/pos-refunds-<version> (what `pyinstaller build.spec` makes);
# the package lands in OUTPUT_FOLDER (default dist/) as pos-refunds_<version>_<arch>.deb.
# Installs to /opt/pos-refunds with /usr/bin/pos-refunds, a desktop entry and the icon.
# Needs dpkg-deb and fakeroot (Debian: apt-get install dpkg-dev fakeroot).
set -euo pipefail
cd "$(dirname "$0")/../.."

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' pos_refunds/__init__.py)
dist=${1:-dist/pos-refunds-$version}
out=${2:-dist}
arch=$(dpkg --print-architecture)
[ -x "$dist/pos-refunds" ] || { echo "no PyInstaller build in $dist (run: pyinstaller build.spec)" >&2; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
install -d "$root/DEBIAN" "$root/opt/pos-refunds" "$root/usr/bin" \
    "$root/usr/share/applications" "$root/usr/share/doc/pos-refunds"
cp -a "$dist/." "$root/opt/pos-refunds/"
ln -s /opt/pos-refunds/pos-refunds "$root/usr/bin/pos-refunds"
install -m 644 packaging/linux/pos-refunds.desktop "$root/usr/share/applications/"
for size in 16 24 32 48 64 128 256 512; do
    install -D -m 644 "resources/icons/pos-refunds-$size.png" \
        "$root/usr/share/icons/hicolor/${size}x${size}/apps/pos-refunds.png"
done
install -D -m 644 resources/icons/pos-refunds.svg \
    "$root/usr/share/icons/hicolor/scalable/apps/pos-refunds.svg"
printf 'POS Refunds %s\nSee /opt/pos-refunds and https://github.com/ for the source.\n' \
    "$version" > "$root/usr/share/doc/pos-refunds/README"

# What the bundle leaves to the system (build.spec's SYSTEM_LIBS), as packages; "a | b" for
# the names Debian 13 and Ubuntu 24.04 took in the 64-bit time transition.
depends=(
    "libc6 (>= 2.36)" "libstdc++6" "libgcc-s1" "zlib1g"
    "libglib2.0-0 | libglib2.0-0t64" "libdbus-1-3" "libsystemd0"
    "libx11-6" "libx11-xcb1" "libxcb1" "libxkbcommon0" "libxkbcommon-x11-0"
    "libxcb-cursor0" "libxcb-icccm4" "libxcb-image0" "libxcb-keysyms1" "libxcb-randr0"
    "libxcb-render-util0" "libxcb-shape0" "libxcb-shm0" "libxcb-sync1" "libxcb-xfixes0"
    "libxcb-xkb1" "libxcb-render0" "libfontconfig1" "libfreetype6" "libpng16-16 | libpng16-16t64"
    "libcups2 | libcups2t64" "libssl3 | libssl3t64" "libsqlite3-0" "libzstd1" "libegl1"
    "libgl1"
)
installed_kb=$(du -sk "$root/opt" "$root/usr" | awk '{s += $1} END {print s}')
cat > "$root/DEBIAN/control" <<CONTROL
Package: pos-refunds
Version: $version
Architecture: $arch
Maintainer: POS Refunds <support@pos-refunds.invalid>
Installed-Size: $installed_kb
Depends: $(IFS=,; echo "${depends[*]}" | sed 's/,/, /g')
Recommends: gnome-keyring | kwalletmanager
Section: misc
Priority: optional
Description: Cancel, capture and refund Stripe Terminal payments at the counter
 A desktop companion for shop counters that take card payments on Stripe
 Terminal readers: cancel what is authorized, refund online what is captured,
 and run Interac refunds in person on a reader. Check an installation with
 "pos-refunds --self-test".
CONTROL
cat > "$root/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q /usr/share/applications || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
POSTINST
cp "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
chmod 755 "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"

mkdir -p "$out"
deb="$out/pos-refunds_${version}_${arch}.deb"
fakeroot dpkg-deb --build -Zgzip -z6 "$root" "$deb" >/dev/null  # xz takes 1.5 min here
echo "$deb"
