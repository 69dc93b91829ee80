"""Reviews and their numbered recommendations: the plans the actions belong to."""
