"""One function per user intention. Each owns its unit of work, writes the audit trail, and
returns frozen DTOs (never ORM rows) with a :class:`~clinic.services.results.Changes` record."""
