#!/bin/sh
# Makes sure npm is there to install the code editor's packages: uses the
# one on PATH, or installs Debian's nodejs and npm when running as root.
# Only npm is needed (npm ci reads package-lock.json, which needs npm 7 or
# newer); no JavaScript runs under Node.js at build time, esbuild's Go
# API bundles.
set -e
if command -v npm >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's nodejs and npm for the code editor's packages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  exit 0
fi
echo "npm not found: the code editor's and the tests' packages come from the npm registry. Install it with: sudo apt-get install -y nodejs npm" >&2
exit 1
