"""Actions: the page of one action, the lead agency's work on it, and the subgroup's decisions."""
