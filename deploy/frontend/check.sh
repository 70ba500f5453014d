#!/usr/bin/env bash
# What a frontend team relies on, checked on the specs the build wrote (<service>/target/openapi/openapi.json):
#   1. Redocly lint (recommended + RFC 9457 problem details on every 4xx) with 0 errors, each spec and the merged one;
#   2. no operation a generated client would type as unknown;
#   3. every operation reaches its service through the one host's routes (deploy/k8s/routing: HTTPRoute and Ingress);
#   4. openapi-typescript on the merged spec (the one host's) + tsc --strict on a sample client.
# The browser test (a real Chromium on a page from another origin) runs in the system tests: BrowserIT.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(cd ../.. && pwd)
command -v node >/dev/null || { echo "[frontend] node is required (apt-get install nodejs npm)" >&2; exit 1; }
if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
specs=()
for s in engagement ssat task resource-catalog; do
  f="$ROOT/$s-service/target/openapi/openapi.json"
  [[ -f $f ]] || { echo "[frontend] $f is missing: build the services first (mvn package)" >&2; exit 1; }
  specs+=("$f")
done
mkdir -p target
node scripts/merge.mjs target/workshop-api.yaml "${specs[@]}"
for f in "${specs[@]}" target/workshop-api.yaml; do
  if ! out=$(npx --no-install redocly lint "$f" --format=stylish 2>&1); then
    echo "$out" >&2
    echo "[frontend] Redocly lint found errors in $f" >&2
    exit 1
  fi
  echo "[frontend] lint ${f#"$ROOT"/}: $(grep -cE ' warning ' <<<"$out" || true) warnings, 0 errors"
done
node scripts/untyped.mjs "${specs[@]}"
node scripts/routes.mjs ../k8s/routing/gateway-api/httproute.yaml ../k8s/routing/ingress/ingress.yaml "${specs[@]}"
npx --no-install openapi-typescript target/workshop-api.yaml -o target/workshop-api.d.ts
npx --no-install tsc -p tsconfig.json
echo "[frontend] lint 0 errors on 5 specs; 0 untyped operations; sample client compiles with tsc --strict"
