"""Entry point of the packaged app (PyInstaller runs this file as __main__).

``--self-test`` is answered here before the GUI is imported, so the bundle can be checked
even where no window can open; everything else goes to aligner_gui.app.main().
"""

from __future__ import annotations

import multiprocessing
import sys


def main() -> int:
    multiprocessing.freeze_support()  # a frozen child process must not start the GUI
    from aligner_gui.packaging.selftest import handle_cli

    code = handle_cli(sys.argv[1:])
    if code is not None:
        return code
    try:
        from aligner_gui.app import main as app_main
    except ImportError as error:
        print(f"aligner-gui: the application window is not available ({error})", file=sys.stderr)
        return 2
    return app_main() or 0


if __name__ == "__main__":
    sys.exit(main())
