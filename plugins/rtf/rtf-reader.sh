#!/bin/sh
# Decant reader plugin: RTF on standard input -> plain text on standard output, through unrtf
# (Debian package unrtf). unrtf writes one line per RTF paragraph, in the document's own code
# page; Decant's text decoding takes it from there. The banner unrtf prints first is dropped.
set -eu
command -v unrtf >/dev/null 2>&1 || { echo "rtf plugin: unrtf is not installed; install the unrtf package" >&2; exit 69; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
cat > "$tmp"
if [ "$(head -c 5 "$tmp")" != '{\rtf' ]; then
  echo "rtf plugin: the input is not RTF (it does not start with {\\rtf)" >&2
  exit 65
fi
unrtf --text --nopict "$tmp" | sed -e '1,/^-----------------$/d'
