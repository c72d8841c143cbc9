#!/bin/sh
# Starts pdf-reader.py with the system Python when there is one: version-manager shims
# (pyenv, asdf) cost a few hundred milliseconds per start, which is per document here.
here=$(dirname "$0")
if [ -x /usr/bin/python3 ]; then exec /usr/bin/python3 "$here/pdf-reader.py"; fi
exec python3 "$here/pdf-reader.py"
