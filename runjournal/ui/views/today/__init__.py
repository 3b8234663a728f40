"""The Today view: the daily check-in beside this week."""
