"""Finding actions across reviews: filters kept in the URL, counted and paged in the database."""
