#!/bin/sh
# Render the README's pictures of a briefing sheet (in English and in French), of a
# meeting pack's cover and of the status report's first two pages from the PDFs the
# command line writes on a scratch copy of the demo:
#     scripts/render_briefing.sh docs/
set -eu
out=${1:-docs}
here=$(cd "$(dirname "$0")/.." && pwd)
outreach="$here/.venv/bin/outreach"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$outreach" --db "$scratch/demo.db" demo >/dev/null
"$outreach" --db "$scratch/demo.db" brief IDN --as-of 2004-11-29 -o "$scratch/sheet.pdf"
"$outreach" --db "$scratch/demo.db" brief IDN --as-of 2004-11-29 --lang fr -o "$scratch/fiche.pdf"
"$outreach" --db "$scratch/demo.db" pack nairobi --marking "PROTECTED A" -o "$scratch/pack.pdf"
"$outreach" --db "$scratch/demo.db" report --as-of 2004-11-25 --since 2004-01-01 \
    --officer "Desk officer (demo)" -o "$scratch/report.pdf"
pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$scratch/sheet.pdf" "$out/briefing-sheet"
pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$scratch/fiche.pdf" "$out/briefing-sheet-fr"
pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$scratch/pack.pdf" "$out/meeting-pack-cover"
pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$scratch/report.pdf" "$out/status-report"
pdftoppm -png -r 100 -f 2 -l 2 -singlefile "$scratch/report.pdf" "$out/status-report-2"
echo "wrote $out/briefing-sheet.png, briefing-sheet-fr.png, meeting-pack-cover.png," \
    "status-report.png and status-report-2.png"
