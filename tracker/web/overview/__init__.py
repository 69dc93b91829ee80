"""The subgroup's overview: progress per review and per agency, and what waits for a decision."""
