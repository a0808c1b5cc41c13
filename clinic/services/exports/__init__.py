"""Data out of the store, each to a file the user chose: calendar (.ics), case bundles, case
lists (CSV/XLSX) and the funder report (PDF/CSV). Every export is audited."""
