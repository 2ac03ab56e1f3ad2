#!/usr/bin/env bash
# Throughput and memory against bare spaCy on the BBC corpus, at N and 4N documents.
#
# Each line is one `newsevents bench` run in its own process (so that its peak RSS is
# its own): bare spaCy's full pipeline and the whole newsevents job on the same
# documents and cores, back to back. Compare the two sizes' peak RSS to see that memory
# stays flat as the corpus grows; `cpu_ratio` is the steadier figure on a shared machine.
#
#   scripts/throughput_bench.sh                       # 300 and 1200 documents, fast path
#   DOCS=500 SCOPE=all scripts/throughput_bench.sh    # careful path
#   N_PROCESS=2 scripts/throughput_bench.sh           # two worker processes per side
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/corpora/bbc}
DOCS=${DOCS:-300}
SCOPE=${SCOPE:-events}
N_PROCESS=${N_PROCESS:-1}
for docs in "$DOCS" "$((DOCS * 4))"; do
    .venv/bin/newsevents bench --corpus "$CORPUS" --docs "$docs" --sentence-scope "$SCOPE" \
        --n-process "$N_PROCESS" --json
done
