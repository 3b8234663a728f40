"""File formats in and out: activity files, the whole-journal JSON, CSV. Pure: domain in, domain out."""
