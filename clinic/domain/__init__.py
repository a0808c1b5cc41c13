"""Pure domain: ids, enums, value types, validation and matching rules. No Qt, no SQL."""
