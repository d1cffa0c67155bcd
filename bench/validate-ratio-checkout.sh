#!/usr/bin/env bash
# ../shared/bench/validate-ratio.sh with one difference: validate is told which repository the git copy is
# (--repo-url), as a fork's checkout says through its origin. The shared script's copy has no origin, so since
# validate stopped assuming that any repoURL is the local checkout (issue 16), every app of its tree is
# "unverified" and its cold/warm/kserve figures time a run that renders nothing. Same tree, same baseline, same
# ratios otherwise. Usage, from the project root: bench/validate-ratio-checkout.sh [RUNS]
set -u
shared=$(cd "$(dirname "$0")/../../shared" && pwd); here=$shared/bench; up=$shared/upstream
kf=$up/kubeflow-manifests/26.03; rc=$up/remote
runs=${1:-3}; t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
"$here/vendor-tree.sh" "$kf" "$rc" "$t/vt"
cp -r "$kf" "$t/kf"; (cd "$t/kf" && git init -q && git add -A && git -c user.email=a@b -c user.name=a commit -qm x)
./kfboot generate --layout fork --out "$t/kf/bootstrap" >/dev/null 2>&1 || { echo "generate failed"; exit 1; }
repo=$(grep -m1 -h 'repoURL:' "$t/kf/bootstrap/root-app.yaml" | awk '{print $2}')
./kfboot --help >/dev/null 2>&1
paths=$(grep -E "^- \.\./" "$kf/example/kustomization.yaml" | sed 's#^- \.\./##; s# .*##')
now() { date +%s.%N; }
v() { ./kfboot validate "$t/kf/bootstrap" --repo-url "$repo" --remote-cache "$rc" --cache-dir "$t/cache" -o json >"$t/out.json" 2>/dev/null; }
for i in $(seq "$runs"); do
  s=$(now); for p in $paths; do (cd "$t/vt" && kubectl kustomize "$p" >/dev/null 2>&1); done; base=$(echo "$(now) - $s" | bc)
  rm -rf "$t/cache"; s=$(now); v; cold=$(echo "$(now) - $s" | bc)
  s=$(now); v; warm=$(echo "$(now) - $s" | bc)
  echo "# touched" >> "$t/kf/applications/kserve/kserve/kustomization.yaml"
  s=$(now); v; changed=$(echo "$(now) - $s" | bc)
  unverified=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['summary']['unverified']))" "$t/out.json" 2>/dev/null || echo '?')
  python3 -c "import sys; b,c,w,k=map(float,sys.argv[1:5]); print(f'run $i: baseline={b:.1f}s cold={c/b:.2f} warm={w/b:.3f} kserve_changed={k/b:.2f} unverified_apps={sys.argv[5]}')" "$base" "$cold" "$warm" "$changed" "$unverified"
done
