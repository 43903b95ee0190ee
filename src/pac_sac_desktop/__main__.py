"""``python -m pac_sac_desktop`` and the bundled executable: the ``pac-sac`` command."""

import sys

from pac_sac_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
