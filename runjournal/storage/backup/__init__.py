"""Backups: create, rotate, inspect, quarantine and restore."""
