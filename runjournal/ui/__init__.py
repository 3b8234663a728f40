"""The desktop window: widgets only, no SQL, no business rules."""
