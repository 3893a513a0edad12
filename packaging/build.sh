#!/usr/bin/env bash
# Build the standalone app (PyInstaller, one folder) into dist/aligner-gui/aligner-gui.
#
#   packaging/build.sh            install PyInstaller and the app's dependencies, then build
#   packaging/build.sh --no-deps  build with what is installed (CI installs it beforehand)
#
# Works from a clean checkout: the app is analysed from the checkout itself (pathex), so
# it need not be installed. Outputs: build/pyinstaller (work files), dist/aligner-gui/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-python3}
PYINSTALLER_SPEC=${PYINSTALLER_SPEC:-"pyinstaller>=6.10,<7"}

deps=1
for arg in "$@"; do
    case "$arg" in
        --no-deps) deps=0 ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

if [ "$deps" = 1 ]; then
    # PyInstaller and the runtime dependencies from pyproject.toml, without installing the
    # app itself (Python does the parsing: macOS ships bash 3.2, without mapfile).
    "$PYTHON" - "$PYINSTALLER_SPEC" <<'PY'
import re, subprocess, sys
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    text = open("pyproject.toml", encoding="utf-8").read()
    block = re.search(r"^dependencies = \[(.*?)^\]", text, re.S | re.M).group(1)
    deps = re.findall(r'"([^"]+)"', block)
else:
    deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]
subprocess.check_call([sys.executable, "-m", "pip", "install", "-q",
                       "--disable-pip-version-check", sys.argv[1], *deps])
PY
fi

"$PYTHON" -m PyInstaller --version >/dev/null 2>&1 || {
    echo "build.sh: PyInstaller is not installed (run without --no-deps)" >&2; exit 1; }

started=$SECONDS
rm -rf "$ROOT/dist/aligner-gui" "$ROOT/dist/aligner-gui.app"
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" \
    "$ROOT/packaging/aligner-gui.spec"
# Desktop integration files travel with the bundle, so an unpacked dist can install itself.
cp "$ROOT/packaging/aligner-gui.desktop" "$ROOT/packaging/aligner-gui-mime.xml" \
   "$ROOT/packaging/install-desktop.sh" "$ROOT/dist/aligner-gui/"
elapsed=$((SECONDS - started))

exe="$ROOT/dist/aligner-gui/aligner-gui"
[ -f "$exe.exe" ] && exe="$exe.exe"
[ -x "$exe" ] || { echo "build.sh: $exe was not built" >&2; exit 1; }
size=$(du -sm "$ROOT/dist/aligner-gui" | cut -f1)
echo "built $exe: $size MB, $(find "$ROOT/dist/aligner-gui" -type f | wc -l) files, ${elapsed} s"
