"""``python -m clinic`` starts the same entry point as the ``clinic`` command."""

from clinic.app import main

raise SystemExit(main())
