"""PDF renderers: frozen DTOs in, PDF bytes out. No SQL, no Qt."""
