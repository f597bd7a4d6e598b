#!/usr/bin/env bash
# CI's packaging step, also runnable by itself (as root, or with sudo), from a checkout:
#
#   bash packaging/linux/ci_package.sh
#
# Builds the PyInstaller one-folder bundle and the .deb, installs the .deb as IT would,
# runs the installed app's --self-test from /usr/bin with a real (unlocked) GNOME Keyring on
# a private D-Bus session, measures the start to a painted window, removes the package and
# checks that nothing of it is left. Prints the bundle size and the time of each stage.
set -euo pipefail
cd "$(dirname "$0")/../.."

sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
venv=${VENV:-.ci-venv}
[ -d "$venv" ] || python3 -m venv "$venv"
. "$venv/bin/activate"
python -m pip install --quiet -e ".[build]"

version=$(python -c "import pos_refunds; print(pos_refunds.__version__)")
now() { date +%s.%N; }
took() { python -c "print(f'{$2 - $1:.1f} s')"; }

# build.spec trims ICU's data with ICU's icupkg and the C compiler (packaging/linux/icu_data.py).
if ! command -v icupkg >/dev/null || ! command -v cc >/dev/null; then
    $sudo apt-get install -y --no-install-recommends icu-devtools gcc libc6-dev >/dev/null
fi

start=$(now)
rm -rf build "dist/pos-refunds-$version"
pyinstaller --noconfirm --log-level WARN build.spec >/dev/null
built=$(now)
bundle="dist/pos-refunds-$version"
bytes=$(du -s --apparent-size -B1 "$bundle" | cut -f1)
echo "bundle: $bundle, $(du -sh "$bundle" | cut -f1)iB on disk, $bytes bytes," \
     "built in $(took "$start" "$built")"
# The target: a one-folder bundle of at most 120 MB.
[ "$bytes" -le 120000000 ] || { echo "the bundle is over 120 MB"; exit 1; }
echo "links the build machine's $(ldd --version | head -1)"

deb=$(packaging/linux/build_deb.sh "$bundle" dist)
packed=$(now)
echo "package: $deb, $(du -h "$deb" | cut -f1), made in $(took "$built" "$packed")"

# The self-test needs a keychain that can hold a key: GNOME Keyring on a private session bus.
if ! command -v gnome-keyring-daemon >/dev/null || ! command -v dbus-run-session >/dev/null; then
    $sudo apt-get install -y --no-install-recommends gnome-keyring dbus-daemon >/dev/null
fi

$sudo dpkg -i "$deb" || $sudo apt-get install -f -y --no-install-recommends
test -x /opt/pos-refunds/pos-refunds
test "$(readlink /usr/bin/pos-refunds)" = /opt/pos-refunds/pos-refunds
test -f /usr/share/applications/pos-refunds.desktop
test -f /usr/share/icons/hicolor/256x256/apps/pos-refunds.png
installed=$(now)
echo "installed in $(took "$packed" "$installed")"

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
status=0
(cd / && env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    XDG_RUNTIME_DIR="$home" dbus-run-session -- sh -c \
    'printf ci-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
     pos-refunds --self-test --language en --report "$HOME/self-test.txt"') >"$home/out.txt" 2>&1 || status=$?
tested=$(now)
echo "--- the installed app's self-test (exit status $status, $(took "$installed" "$tested")):"
cat "$home/self-test.txt"
echo "---"
[ "$status" = 0 ] || { cat "$home/out.txt"; exit 1; }
grep -q "installed build at /opt/pos-refunds" "$home/self-test.txt"

python tests/benchmarks/bench_start.py --runs 3 -- /usr/bin/pos-refunds

$sudo dpkg --purge pos-refunds >/dev/null
test ! -e /opt/pos-refunds && test ! -e /usr/bin/pos-refunds \
    && test ! -e /usr/share/applications/pos-refunds.desktop
echo "removed; packaging step took $(took "$start" "$(now)") in all"
