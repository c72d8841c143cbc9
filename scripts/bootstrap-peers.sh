#!/usr/bin/env bash
# Installs the peers Decant is measured against (make eval / compare / bench) into .venv.
# Safe to run any number of times; only missing packages are installed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
# Text browsers that render HTML to the text dumps make eval-scraped measures on (peers for eval only).
PEER_APT=(lynx w3m)
apt_missing=()
for pkg in "${PEER_APT[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || apt_missing+=("$pkg")
done
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "bootstrap-peers: installing Debian packages: ${apt_missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi
PEERS=(trafilatura readability-lxml lxml_html_clean justext resiliparse ftfy charset-normalizer chardet
       faust-cchardet inscriptis html-text)
# import names differ from package names for some peers
declare -A MODULE=([readability-lxml]=readability [lxml_html_clean]=lxml_html_clean [charset-normalizer]=charset_normalizer
                   [faust-cchardet]=cchardet [html-text]=html_text)
need=()
for pkg in "${PEERS[@]}"; do
  mod=${MODULE[$pkg]:-${pkg//-/_}}
  .venv/bin/python -c "import $mod" 2>/dev/null || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  # pip 23's resolver trips over lxml's html-clean extra pulled in twice; a current pip does not.
  .venv/bin/pip install -q --disable-pip-version-check --upgrade "pip>=24"
  echo "bootstrap-peers: pip install ${need[*]}"
  .venv/bin/pip install -q --disable-pip-version-check "${need[@]}"
fi
