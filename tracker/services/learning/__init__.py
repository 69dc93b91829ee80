"""Learning across reviews: themes across reviews, recurring learning, strategic plans, national
recommendations and how learning was disseminated (docs/domain.md, "Recommendations")."""
