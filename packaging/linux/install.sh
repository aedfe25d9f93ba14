#!/bin/sh
# Installs Dyslexic Writer for this user only (no root): the app folder goes to
# ~/.local/opt/dyslexic-writer, the command to ~/.local/bin, the menu entry and icon to ~/.local/share.
# `./install.sh --uninstall` removes all of it again (your settings and documents stay).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/dyslexic-writer
bin=$HOME/.local/bin

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$opt" "$bin/dyslexic-writer" "$data/applications/dyslexic-writer.desktop" \
    "$data/icons/hicolor/scalable/apps/dyslexic-writer.svg"
  echo "Dyslexic Writer removed."
  exit 0
fi

mkdir -p "$opt" "$bin" "$data/applications" "$data/icons/hicolor/scalable/apps"
rm -rf "$opt.new"
cp -a "$here/dyslexic-writer" "$opt.new"   # copy first, then swap, so a failed copy leaves the old install
rm -rf "$opt" && mv "$opt.new" "$opt"
ln -sf "$opt/dyslexic-writer" "$bin/dyslexic-writer"
sed "s|^Exec=dyslexic-writer|Exec=$opt/dyslexic-writer|" "$here/dyslexic-writer.desktop" > "$data/applications/dyslexic-writer.desktop"
cp "$here/dyslexic-writer.svg" "$data/icons/hicolor/scalable/apps/dyslexic-writer.svg"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "Dyslexic Writer installed: find it in your applications menu, or run $bin/dyslexic-writer"
"$opt/dyslexic-writer" doctor || true
