#!/usr/bin/env bash
# Everything a fresh Debian/Ubuntu machine with Node 20 needs: pnpm, the dependencies from the
# lockfile, Debian's Chromium for browser-rendered sites, Redis and PostgreSQL, the migrations.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf 'setup: %s\n' "$*"; }

# pnpm 10 and 12 both install this workspace; pnpm 11 does not run on Node 20 at all (it needs 22).
if ! pnpm -v >/dev/null 2>&1; then
  step "installing pnpm 10 (no pnpm that runs on this Node: $(node -v))"
  npm i -g pnpm@10.34.9 >/dev/null 2>&1
fi
step "installing dependencies (pnpm install --frozen-lockfile)"
pnpm install --frozen-lockfile --reporter=silent
# A CJK font, so Chromium renders Chinese pages (browser crawls, the reports page's screenshots).
if [ "$(id -u)" = 0 ] && ! fc-list 2>/dev/null | grep -qi 'wqy\|noto.*cjk'; then
  step "installing a Chinese font (fonts-wqy-microhei)"
  apt-get install -y -qq fonts-wqy-microhei >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq fonts-wqy-microhei >/dev/null; } || step "warning: no Chinese font installed"
fi
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    step "installing Debian's chromium (for render: browser sites)"
    (apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; })
  else
    step "warning: /usr/bin/chromium missing and not root; sites with render: browser will fail (apt-get install chromium)"
  fi
fi
step "building (pnpm build: packages/*/dist, services/*/dist)"
node infra/build.mjs >/dev/null

bash infra/services.sh
step "applying database migrations"
pnpm -s db:migrate | tail -1
step "done"
