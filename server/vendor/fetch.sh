#!/usr/bin/env bash
# Re-creates the Cayley web UI's third-party assets from npm, so the UI runs offline:
# the Monaco editor (query and results panes) and the Material Icons font, at the
# versions the UI bundle was built for. Only the files the UI loads are kept.
#   server/vendor/fetch.sh        # then commit the result
set -euo pipefail
cd "$(dirname "$0")"
MONACO=0.18.1          # the version the bundle's loader URL names
ICONS=1.13.14          # Material Icons: the font the bundle's CSS imports from Google Fonts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "monaco-editor@$MONACO" "material-icons@$ICONS" >/dev/null)
mkdir -p "$tmp/m" "$tmp/i"
tar xzf "$tmp/monaco-editor-$MONACO.tgz" -C "$tmp/m"
tar xzf "$tmp/material-icons-$ICONS.tgz" -C "$tmp/i"

rm -rf monaco-editor material-icons
vs=monaco-editor/min/vs
mkdir -p "$vs/basic-languages" "$vs/language" material-icons/iconfont
cp -r "$tmp/m/package/min/vs/loader.js" "$tmp/m/package/min/vs/base" "$tmp/m/package/min/vs/editor" "$vs/"
# The UI edits Gizmo (JavaScript), GraphQL and MQL/JSON queries.
cp -r "$tmp/m/package/min/vs/basic-languages/"{javascript,typescript,graphql} "$vs/basic-languages/"
cp -r "$tmp/m/package/min/vs/language/"{typescript,json} "$vs/language/"
cp "$tmp/m/package/LICENSE" monaco-editor/
cp "$tmp/i/package/iconfont/material-icons."{css,woff,woff2} material-icons/iconfont/
cp "$tmp/i/package/LICENSE" material-icons/ 2>/dev/null || true

cat > VERSIONS <<VERSIONS
monaco-editor $MONACO (npm) min/vs: loader, base, editor, basic-languages/{javascript,typescript,graphql}, language/{typescript,json}
material-icons $ICONS (npm) iconfont/material-icons.{css,woff,woff2}
VERSIONS
echo "vendor assets: $(du -sh . | cut -f1)"
