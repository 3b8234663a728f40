"""The run log: its table and its model."""
