"""The packet benchmark's build process (``python -m bench.packet_child``), kept apart from
:mod:`bench.packet_bench`.

The verification worker is a spawned process, and a spawned process imports its parent's main
module first. The ``clinic`` command's worker so imports ``clinic.app`` (a few milliseconds);
when the build process was ``python -m bench.packet_bench --child``, the worker imported the
benchmark's store-filling code with it (SQLAlchemy, the services: ~1.5 s of CPU and ~40 MB
that the product does not spend). This module imports nothing until it runs.
"""

from __future__ import annotations


def main() -> int:
    from bench.packet_bench import main as bench_main  # noqa: PLC0415 - see the docstring

    return bench_main()


if __name__ == "__main__":
    raise SystemExit(main())
