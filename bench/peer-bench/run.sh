#!/usr/bin/env bash
# Run ../shared/peer-bench against this checkout and keep its JSON here, where
# `make bench` reads it into docs/benchmarks.md.
#
#   bash bench/peer-bench/run.sh uncached [harness options]   # PAGE_CACHE=off
#   bash bench/peer-bench/run.sh cached [harness options]     # page cache on, local memory
#
# The harness copies the project leaving out every folder named `media`, which
# is Byline's image app (its reader templates are in templates/jinja2/pictures/
# for this reason). For the run, a copy of the app goes on the project venv's
# path through a .pth file; both are removed when the run ends, however it ends.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
harness=${PEER_BENCH:-$root/../shared/peer-bench}
mode=${1:?"say uncached or cached"}
shift
case $mode in
  uncached) page_cache=off ;;
  cached) page_cache=on ;;
  *) echo "say uncached or cached, not $mode" >&2; exit 2 ;;
esac

extra=$(mktemp -d /tmp/byline-peer-path.XXXXXX)
site=$("$root/.venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
pth="$site/byline-peer-bench.pth"
trap 'rm -f "$pth"; rm -rf "$extra"' EXIT
cp -r "$root/media" "$extra/media"
echo "$extra" >"$pth"

out="$root/bench/peer-bench/$mode.json"
commit=$(git -C "$root" rev-parse --short HEAD)
# Code changes only: the kept results themselves are written here.
dirty=$(git -C "$root" status --porcelain --untracked-files=no -- . ':!bench/peer-bench' | head -1)
(cd "$root" && env PROJECT_DIR="$root" PROJECT_VENV="$root/.venv" \
  SECURE_SSL_REDIRECT=false PAGE_CACHE=$page_cache CACHE_URL=locmemcache://peer-bench \
  bash "$harness/run.sh" --articles 1000 --json "$out" "$@")

"$root/.venv/bin/python" - "$out" "$commit" "$page_cache" "${dirty:+ (with uncommitted changes)}" <<'EOF'
import json
import sys

path, commit, page_cache, dirty = sys.argv[1:]
results = json.loads(open(path).read())
cache = (
    "PAGE_CACHE=off (every request renders)"
    if page_cache == "off"
    else "page cache on, local memory (CACHE_URL=locmemcache://peer-bench)"
)
results["note"] = (
    f"Byline at commit {commit}{dirty}, run by `bash bench/peer-bench/run.sh`: the "
    f"harness's defaults plus SECURE_SSL_REDIRECT=false; {cache}. The harness's copy "
    "leaves out every folder named 'media', which is Byline's image app; the script "
    "puts a copy of it on the project venv's path for the run."
)
open(path, "w").write(json.dumps(results, indent=2) + "\n")
print(f"Kept {path}")
EOF
