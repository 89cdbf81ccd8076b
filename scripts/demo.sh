#!/usr/bin/env bash
# The README's first command: installs dependencies, builds, and runs the main
# job on an embedded database (demo.db in the project root, recreated).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
export KG_DB="$PWD/demo.db"
rm -rf "$KG_DB"
kg=build/bin/kg
set -x
$kg actor add "Mike Pompeo" --kind person --alias Pompeo --country USA
$kg actor add "United States" --kind state --alias USA --alias Washington
$kg actor add "Qassem Soleimani" --kind person --alias "Qasem Soleimani" --country IRN
$kg actor add "Kata'ib Hezbollah" --kind armed_group --alias "Kataib Hezbollah" --country IRQ
$kg edge add Pompeo OFFICIAL_OF USA --from 2018-04-26 --to 2021-01-20 --title "Secretary of State"
$kg edge add USA ASSAULT "Qasem Soleimani" --from 2020-01-03 --mode drone \
  --evidence "A US drone strike near Baghdad airport killed Soleimani."
$kg edge add Pompeo ACCUSE "Kataib Hezbollah" --from 2019-12-29 \
  --evidence "Pompeo blamed the group for the rocket attack on a base near Kirkuk."
$kg edges --from 2020-01-01 --to 2020-01-31
$kg show Pompeo
$kg stats
