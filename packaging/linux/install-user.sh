#!/bin/sh
# Installs RunJournal for this user only, without root, under ~/.local:
#   ~/.local/lib/runjournal/            the bundle (this folder's contents)
#   ~/.local/bin/runjournal             the launcher
#   ~/.local/share/applications/        runjournal.desktop (the applications menu entry)
#   ~/.local/share/icons/hicolor/       the icon at every size
#   ~/.local/share/metainfo/            AppStream metainfo (software centres)
#
#   ./install-user.sh               install (or update) from the bundle this script sits in
#   ./install-user.sh --uninstall   remove all of the above again (and the daily reminder, if on)
#
# Your journal (~/.local/share/RunJournal) is never touched: uninstalling keeps it.
set -eu

BUNDLE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
LIB=$HOME/.local/lib/runjournal
BIN=$HOME/.local/bin
METAINFO=io.github.runjournal.RunJournal.metainfo.xml

refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$DATA/applications" || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" || true; fi
}

if [ "${1:-}" = "--uninstall" ]; then
    # The daily reminder: its process, autostart entry and settings go with the app.
    if [ -x "$LIB/RunJournal" ]; then "$LIB/RunJournal" reminder off >/dev/null 2>&1 || true; fi
    rm -rf "$LIB"
    rm -f "$BIN/runjournal" "$DATA/applications/runjournal.desktop" "$DATA/metainfo/$METAINFO"
    find "$DATA/icons/hicolor" -name 'runjournal.*' -path '*/apps/*' -exec rm -f {} + 2>/dev/null || true
    refresh
    echo "RunJournal was removed. Your journal is still in $DATA/RunJournal."
    exit 0
fi

if [ ! -x "$BUNDLE/RunJournal" ]; then
    echo "install-user.sh: run it from the RunJournal folder built by packaging/build.py (RunJournal is missing here)." >&2
    exit 1
fi

mkdir -p "$LIB" "$BIN" "$DATA/applications" "$DATA/metainfo" "$DATA/icons"
if [ "$BUNDLE" != "$LIB" ]; then
    rm -rf "$LIB"
    cp -a "$BUNDLE" "$LIB"
fi
ln -sf "$LIB/RunJournal" "$BIN/runjournal"
# The menu entry starts this copy by its full path, so it works even where ~/.local/bin
# is not on PATH.
sed -e "s|^Exec=runjournal|Exec=$BIN/runjournal|" -e "s|^TryExec=runjournal|TryExec=$BIN/runjournal|" \
    "$LIB/share/applications/runjournal.desktop" > "$DATA/applications/runjournal.desktop"
cp "$LIB/share/metainfo/$METAINFO" "$DATA/metainfo/$METAINFO"
cp -R "$LIB/share/icons/hicolor" "$DATA/icons/"
refresh
echo "RunJournal is installed: find it in your applications menu, or run $BIN/runjournal."
