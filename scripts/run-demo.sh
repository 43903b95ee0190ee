#!/usr/bin/env bash
# Set everything up, then open the window on the demo data (embedded defaults).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "Aucun écran détecté : la fenêtre s'ouvre sur un écran virtuel (Xvfb)."
  exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/pac-sac demo "$@"
fi
exec .venv/bin/pac-sac demo "$@"
