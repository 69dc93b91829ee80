"""Administration: agencies, users, partnerships and themes."""
