#!/bin/bash
# The fidelity check of issue 6: does the exported SVG look like the app's own drawing?
#
# Exports a design (by default the seed example) to SVG and to PNG on white with the real
# `hopscope export`, renders the SVG with librsvg (rsvg-convert) and with headless Chromium at
# the PNG's size, and compares each rendering with the app's PNG (ImageMagick `compare -metric
# RMSE`). Passes when every normalized RMSE is at most LIMIT (0.08: 8 %).
#
#   packaging/check-svg-fidelity.sh [DESIGN]
#   HOPSCOPE=build/app/hopscope OUT=/tmp/fidelity LIMIT=0.08 packaging/check-svg-fidelity.sh
#
# Needs: rsvg-convert (librsvg2-bin), compare/convert/identify (imagemagick), chromium, and the
# DejaVu fonts (fonts-dejavu-core). A renderer that is not installed is reported and skipped;
# REQUIRE_ALL=1 makes that a failure. Exit status: 0 all within the limit, 1 otherwise, 2 when
# the export itself fails.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
HOPSCOPE=${HOPSCOPE:-$here/build/app/hopscope}
DESIGN=${1:-$here/resources/examples/seed-as-written.hopscope.yaml}
OUT=${OUT:-$(mktemp -d)}
LIMIT=${LIMIT:-0.08}
REQUIRE_ALL=${REQUIRE_ALL:-0}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

"$HOPSCOPE" export "$DESIGN" -o "$OUT/app.svg" || exit 2
"$HOPSCOPE" export "$DESIGN" -o "$OUT/app.png" || exit 2
read -r W H < <(identify -format '%w %h\n' "$OUT/app.png")
echo "app PNG: ${W}x${H}; files in $OUT"

# Everything compared as opaque RGB on white.
flatten() { convert "$1" -background white -alpha remove -alpha off "PNG24:$2"; }
flatten "$OUT/app.png" "$OUT/app-rgb.png"

status=0
# Prints "RENDERER RMSE NORMALIZED" and records a failure above the limit.
compare_with_app() {
    local name=$1 rendered=$2
    local size
    size=$(identify -format '%wx%h' "$rendered")
    if [ "$size" != "${W}x${H}" ]; then
        echo "$name: rendered at $size, not ${W}x${H}"
        status=1
        return
    fi
    flatten "$rendered" "$OUT/$name-rgb.png"
    local metric
    metric=$(compare -metric RMSE "$OUT/app-rgb.png" "$OUT/$name-rgb.png" \
                 "$OUT/$name-diff.png" 2>&1 >/dev/null || true)
    local normalized=${metric#*(}
    normalized=${normalized%)*}
    printf '%-9s RMSE %s  normalized %s  (limit %s)\n' "$name" "${metric%% *}" "$normalized" "$LIMIT"
    if ! awk -v v="$normalized" -v l="$LIMIT" 'BEGIN { exit !(v + 0 <= l + 0) }'; then
        status=1
    fi
}

missing() {
    echo "$1: not installed, skipped"
    [ "$REQUIRE_ALL" = 1 ] && status=1
    return 0
}

if command -v rsvg-convert >/dev/null; then
    rsvg-convert --background-color=white -w "$W" -h "$H" "$OUT/app.svg" -o "$OUT/librsvg.png"
    compare_with_app librsvg "$OUT/librsvg.png"
else
    missing librsvg
fi

chromium_bin=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$chromium_bin" ]; then
    # A page with zero margins that shows the SVG at its own size in CSS pixels.
    cat >"$OUT/page.html" <<EOF
<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
html, body { margin: 0; padding: 0; background: #fff; overflow: hidden; }
img { display: block; }
</style></head>
<body><img src="app.svg" width="$W" height="$H" alt=""></body></html>
EOF
    profile=$(mktemp -d)
    "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --force-device-scale-factor=1 --user-data-dir="$profile" \
        --screenshot="$OUT/chromium.png" --window-size="$W,$H" \
        "file://$OUT/page.html" >"$OUT/chromium.log" 2>&1 || true
    rm -rf "$profile"
    if [ -s "$OUT/chromium.png" ]; then
        compare_with_app chromium "$OUT/chromium.png"
    else
        echo "chromium: no screenshot (see $OUT/chromium.log)"
        status=1
    fi
else
    missing chromium
fi

exit $status
