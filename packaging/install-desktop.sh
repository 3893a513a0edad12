#!/usr/bin/env bash
# Install aligner-gui into the Linux desktop for the current user (no root needed):
# the application menu entry, the icon in every size, and the MIME type of project files
# (*.aligner.json, or any JSON with "format": "aligner-gui"), all under ~/.local/share.
#
#   install-desktop.sh                 also copy the built bundle to ~/.local/lib/aligner-gui
#                                      and link ~/.local/bin/aligner-gui to it
#   install-desktop.sh --no-bundle     menu entry, icons and MIME type only; the entry runs
#                                      `aligner-gui` from PATH (e.g. after pip install)
#   install-desktop.sh --uninstall     remove everything this script installed
#
# Runs from the repository (packaging/install-desktop.sh, after packaging/build.sh) or from
# an unpacked bundle (dist/aligner-gui/install-desktop.sh). XDG_DATA_HOME is honoured.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
LIB=$HOME/.local/lib/aligner-gui
BIN=$HOME/.local/bin
SIZES="16 32 48 64 128 256"
MIME_ICON=application-x-aligner-gui-project

mode=install
bundle=1
for arg in "$@"; do
    case "$arg" in
        --no-bundle) bundle=0 ;;
        --uninstall) mode=uninstall ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "install-desktop.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

refresh() {
    command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" || true
    command -v update-desktop-database >/dev/null && \
        update-desktop-database -q "$DATA/applications" || true
    command -v gtk-update-icon-cache >/dev/null && \
        gtk-update-icon-cache -q -f -t "$DATA/icons/hicolor" 2>/dev/null || true
}

if [ "$mode" = uninstall ]; then
    rm -f "$DATA/applications/aligner-gui.desktop" "$DATA/mime/packages/aligner-gui.xml" \
          "$DATA/icons/hicolor/scalable/apps/aligner-gui.svg" \
          "$DATA/icons/hicolor/scalable/mimetypes/$MIME_ICON.svg"
    for n in $SIZES; do
        rm -f "$DATA/icons/hicolor/${n}x${n}/apps/aligner-gui.png" \
              "$DATA/icons/hicolor/${n}x${n}/mimetypes/$MIME_ICON.png"
    done
    if [ -L "$BIN/aligner-gui" ] && [ "$(readlink "$BIN/aligner-gui")" = "$LIB/aligner-gui" ]; then
        rm -f "$BIN/aligner-gui"
    fi
    rm -rf "$LIB"
    refresh
    echo "aligner-gui removed from $DATA"
    exit 0
fi

# Where the pieces are: repository layout first, then the bundle's own layout.
first() { for f in "$@"; do [ -e "$f" ] && { echo "$f"; return 0; }; done; return 1; }
desktop=$(first "$HERE/aligner-gui.desktop") || { echo "aligner-gui.desktop not found" >&2; exit 1; }
mime=$(first "$HERE/aligner-gui-mime.xml") || { echo "aligner-gui-mime.xml not found" >&2; exit 1; }
icons=$(first "$HERE/../resources/app-icon" "$HERE/_internal/aligner_gui/resources/app-icon" \
              "$HERE/aligner_gui/resources/app-icon") || { echo "app icons not found" >&2; exit 1; }

exec_cmd=aligner-gui
if [ "$bundle" = 1 ]; then
    dist=$(first "$HERE/../dist/aligner-gui" "$HERE") || true
    if [ -z "$dist" ] || [ ! -x "$dist/aligner-gui" ]; then
        echo "no built bundle next to this script: run packaging/build.sh first," \
             "or use --no-bundle for a pip-installed aligner-gui" >&2
        exit 1
    fi
    dist=$(cd "$dist" && pwd)
    if [ "$dist" != "$LIB" ]; then
        rm -rf "$LIB.new"
        mkdir -p "$(dirname "$LIB")"
        cp -a "$dist" "$LIB.new"
        rm -rf "$LIB"
        mv "$LIB.new" "$LIB"
    fi
    mkdir -p "$BIN"
    ln -sfn "$LIB/aligner-gui" "$BIN/aligner-gui"
    exec_cmd="$LIB/aligner-gui"
fi

mkdir -p "$DATA/applications" "$DATA/mime/packages" \
         "$DATA/icons/hicolor/scalable/apps" "$DATA/icons/hicolor/scalable/mimetypes"
for n in $SIZES; do
    mkdir -p "$DATA/icons/hicolor/${n}x${n}/apps" "$DATA/icons/hicolor/${n}x${n}/mimetypes"
    cp "$icons/aligner-gui-$n.png" "$DATA/icons/hicolor/${n}x${n}/apps/aligner-gui.png"
    cp "$icons/aligner-gui-$n.png" "$DATA/icons/hicolor/${n}x${n}/mimetypes/$MIME_ICON.png"
done
cp "$icons/aligner-gui.svg" "$DATA/icons/hicolor/scalable/apps/aligner-gui.svg"
cp "$icons/aligner-gui.svg" "$DATA/icons/hicolor/scalable/mimetypes/$MIME_ICON.svg"
cp "$mime" "$DATA/mime/packages/aligner-gui.xml"
# The menu entry runs the installed bundle by absolute path (~/.local/bin may not be on
# the desktop session's PATH); quoted per the Desktop Entry spec.
sed -e "s|^Exec=.*|Exec=\"$exec_cmd\" %f|" -e "s|^TryExec=.*|TryExec=$exec_cmd|" \
    "$desktop" > "$DATA/applications/aligner-gui.desktop"
chmod 644 "$DATA/applications/aligner-gui.desktop"
refresh
echo "aligner-gui installed: menu entry, icons and MIME type in $DATA; runs $exec_cmd"
