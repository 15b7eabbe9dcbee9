#!/bin/sh
# Makes sure headless Chromium is available for the browser tests: uses
# one on PATH, or installs Debian's chromium package when running as root.
set -e
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then exit 0; fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium. Install it with: sudo apt-get install chromium" >&2
exit 1
