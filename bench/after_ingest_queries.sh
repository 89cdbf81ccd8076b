# Sourced by bench/after_ingest.sh and bench/after_ingest_kgd.sh: the
# queries both ask after an ingest and what their answers must name
# (overridable by QUERY1..3, SEEN1, SEEN2; see those scripts).
title='Qassem Soleimani killed in US drone'
query1=${QUERY1:-neighbors Iraq --depth 2}
seen1=${SEEN1:-$title}
query2=${QUERY2:-'path "Qassem Soleimani" Iraq'}
seen2=${SEEN2:-$title}
query3=${QUERY3-'path "actor 1000" "actor 2000"'}
