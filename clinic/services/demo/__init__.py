"""Synthetic, reproducible demo data: a whole clinic's case load, made through the services.

``fill_demo_data`` fills an open store with staff, clients (names in several scripts, family,
addresses and moves), cases of both claim types in every stage (referrals, detained clients,
closed cases), hearings past and future, evidence with small generated files, notes, and the
case facts deadline rules count from. Rule deadlines are computed by the deadline engine, never
here; the demo then marks them done, waived or leaves them open as a clinic would.

Everything is invented: no real people, no network, no data files. Every value comes from one
``random.Random(seed)``, so the same seed and the same ``today`` give the same data set (only
ids, timestamps and encryption keys differ). Every result is unwrapped, so a generator bug fails
loudly instead of leaving half-valid data.

Modules: ``names``, ``places``, ``profiles`` and ``people`` (who), ``plans`` (what each case
goes through), ``intake``, ``hearings``, ``deadlines``, ``evidence`` (calling the services),
``files`` (tiny PDF/PNG makers) and ``builder`` (putting it together).
"""

from clinic.services.demo.builder import DemoSummary, fill_demo_data
from clinic.services.demo.files import make_pdf, make_png

__all__ = ["DemoSummary", "fill_demo_data", "make_pdf", "make_png"]
