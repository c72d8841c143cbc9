#!/usr/bin/env bash
# Installs what Decant's build and tests need, only what is missing; safe to run any number of
# times. Debian packages through apt-get (as root, or with sudo when available), Python tools
# into the project's own virtualenv (.venv).
set -euo pipefail
cd "$(dirname "$0")/.."

# One package per line, so that changes from several people merge cleanly.
APT_PACKAGES=(
  libxml2-dev
  zlib1g-dev
  libzstd-dev
  python3-venv
  poppler-utils
  unrtf
  wngerman
  wfrench
  libuchardet-dev
)
# jsonschema: schema validation; pyspark (Java 17 is on the machine) and datatrove + orjson: the
# pipeline integration checks (scripts/check-pipelines.py).
PIP_PACKAGES=(
  jsonschema
  "pyspark==3.5.*"
  datatrove
  orjson
)

# Java runs Spark for the pipeline check; machines of this kind ship JDK 17, others get it here.
command -v java >/dev/null 2>&1 || APT_PACKAGES+=(openjdk-17-jre-headless)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  # python3-venv is only needed when the interpreter lacks the venv module.
  if [[ " ${missing[*]} " == *" python3-venv "* ]] && python3 -c 'import venv, ensurepip' 2>/dev/null; then
    missing=("${missing[@]/python3-venv}")
  fi
  missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "bootstrap: creating .venv"
  python3 -m venv .venv
fi
need=()
for pkg in "${PIP_PACKAGES[@]}"; do
  module=${pkg%%[=<>]*}
  .venv/bin/python -c "import importlib.util,sys; sys.exit(0 if importlib.util.find_spec('${module//-/_}') else 1)" 2>/dev/null || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "bootstrap: pip install ${need[*]}"
  .venv/bin/pip install -q --disable-pip-version-check "${need[@]}"
fi
