"""The Today view: the check-in beside this week."""
