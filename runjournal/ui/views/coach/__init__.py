"""The coach panel: a few kind, sourced nudges, each with its reasons, a snooze and an off switch."""
