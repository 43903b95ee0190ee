#!/usr/bin/env bash
# Set up everything PAC SAC Desktop needs, from a fresh clone; safe to run again (fast when done).
#   - Debian system packages (fonts, Qt's xcb libraries, Xvfb) when root; otherwise prints the command;
#   - a virtual environment in .venv with the package and its development tools;
#   - the compiled French translation.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
mapfile -t packages < <(grep -v '^\s*#' scripts/apt-packages.txt | grep -v '^\s*$')

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = "0" ]; then
      echo "Installation des paquets système : ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "Paquets système manquants. Installez-les avec :"
      echo "  sudo apt-get install ${missing[*]}"
    fi
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.pac-sac-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  log=.venv/pip-install.log
  if ! { .venv/bin/python -m pip install -q --upgrade pip && .venv/bin/python -m pip install -q -e '.[dev]'; } >"$log" 2>&1; then
    cat "$log"
    echo "L'installation des paquets Python a échoué (journal : $log)." >&2
    exit 1
  fi
  touch "$stamp"
fi

if [ ! -f resources/i18n/pac_sac_fr.qm ] || [ resources/i18n/pac_sac_fr.ts -nt resources/i18n/pac_sac_fr.qm ]; then
  .venv/bin/pyside6-lrelease -silent resources/i18n/pac_sac_fr.ts -qm resources/i18n/pac_sac_fr.qm
fi
