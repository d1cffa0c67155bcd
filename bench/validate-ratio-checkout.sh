#!/usr/bin/env bash
# ../shared/bench/validate-ratio.sh with one difference: validate is told which repository the git copy is
# (--repo-url), as a fork's checkout says through its origin. The shared script's copy has no origin, so since
# validate stopped assuming that any repoURL is the local checkout (issue 16), every app of its tree is
# "unverified" and its cold/warm/kserve figures time a run that renders nothing. Same tree, same baseline, same
# ratios otherwise. Each run then prints the floors under those figures, as ratios to the same baseline: kfboot's
# start (`kfboot --version`), kserve's render alone as kfboot runs kustomize (GOGC=400), and for a second cold run
# the CPU of its kustomize processes and of the rest (kfboot's launcher and JVM), each divided by the cores. A
# kserve-changed run cannot take less than start + kserve's render; a cold run, less than the two CPU figures.
# Usage, from the project root: bench/validate-ratio-checkout.sh [RUNS]
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
kubectl=$(command -v kubectl); cores=$(nproc); mkdir "$t/kw"
# a kubectl that logs each kustomize process's CPU (user, system); kfboot finds it first on PATH
printf '#!/bin/sh\nexec /usr/bin/time -a -o "%s" -f "%%U %%S $1" "%s" "$@"\n' "$t/kz.log" "$kubectl" >"$t/kw/kubectl"
chmod +x "$t/kw/kubectl"
v() { ./kfboot validate "$t/kf/bootstrap" --repo-url "$repo" --remote-cache "$rc" --cache-dir "$t/cache" -o json >"$t/out.json" 2>/dev/null; }
for i in $(seq "$runs"); do
  s=$(now); for p in $paths; do (cd "$t/vt" && kubectl kustomize "$p" >/dev/null 2>&1); done; base=$(echo "$(now) - $s" | bc)
  rm -rf "$t/cache"; s=$(now); v; cold=$(echo "$(now) - $s" | bc)
  s=$(now); v; warm=$(echo "$(now) - $s" | bc)
  echo "# touched" >> "$t/kf/applications/kserve/kserve/kustomization.yaml"
  s=$(now); v; changed=$(echo "$(now) - $s" | bc)
  unverified=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['summary']['unverified']))" "$t/out.json" 2>/dev/null || echo '?')
  python3 -c "import sys; b,c,w,k=map(float,sys.argv[1:5]); print(f'run $i: baseline={b:.1f}s cold={c/b:.2f} warm={w/b:.3f} kserve_changed={k/b:.2f} unverified_apps={sys.argv[5]}')" "$base" "$cold" "$warm" "$changed" "$unverified"
  s=$(now); ./kfboot --version >/dev/null 2>&1; start=$(echo "$(now) - $s" | bc)
  s=$(now); GOGC=400 kubectl kustomize "$t/kf/bootstrap/overlays/kserve" >/dev/null 2>&1; kserve=$(echo "$(now) - $s" | bc)
  rm -rf "$t/cache" "$t/kz.log"
  PATH="$t/kw:$PATH" /usr/bin/time -o "$t/all.txt" -f "%U %S" ./kfboot validate "$t/kf/bootstrap" --repo-url "$repo" \
    --remote-cache "$rc" --cache-dir "$t/cache" -o json >/dev/null 2>&1
  python3 -c "
import sys
b, start, kserve, cores = map(float, sys.argv[1:5])
total = sum(map(float, open(sys.argv[5]).read().split()[:2]))
renders = sum(float(u) + float(s) for u, s, what in (l.split()[:3] for l in open(sys.argv[6])) if what == 'kustomize')
print(f'floors $i: kfboot_start={start/b:.3f} kserve_render={kserve/b:.2f} cold_renders_cpu/cores={renders/cores/b:.2f}'
      f' cold_jvm_cpu/cores={(total-renders)/cores/b:.2f}')" "$base" "$start" "$kserve" "$cores" "$t/all.txt" "$t/kz.log"
done
