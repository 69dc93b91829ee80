"""Each review's recommendations and actions by theme, kept with the RAG figures and added up by theme, type of
review and year, so that the themes page adds up kept rows rather than reading every themed action

Revision ID: 0021_theme_figures
Revises: 0020_date_requests_kept
Create Date: 2026-12-03 12:40:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0021_theme_figures"
down_revision = "0020_date_requests_kept"
branch_labels = None
depends_on = None

COUNTS = ("recommendations", "red", "amber", "green", "blue", "assured")
LIVE = "recommendations.withdrawn_at IS NULL AND reviews.withdrawn_at IS NULL"

# The rows as the app counts them (tracker.models.theme_figures.recount_themes), on the day the RAG figures were
# counted (its RAG as tracker.rules.rag.rag_from_dates_sql says it); none are needed where they never were.
FILL = """
INSERT INTO theme_figures (review_id, theme_id, review_type, year, recommendations, red, amber, green, blue, assured)
SELECT made.review_id, made.theme_id, made.review_type, made.year, made.recommendations,
       coalesce(acted.red, 0), coalesce(acted.amber, 0), coalesce(acted.green, 0), coalesce(acted.blue, 0),
       coalesce(acted.assured, 0)
FROM (
    SELECT recommendations.review_id AS review_id, recommendation_themes.theme_id AS theme_id,
           reviews.type AS review_type, {YEAR} AS year, count(*) AS recommendations
    FROM recommendations
    JOIN reviews ON reviews.id = recommendations.review_id
    JOIN recommendation_themes ON recommendation_themes.recommendation_id = recommendations.id
    WHERE {LIVE}
    GROUP BY recommendations.review_id, recommendation_themes.theme_id, reviews.type, {YEAR}
) AS made
LEFT OUTER JOIN (
    SELECT recommendations.review_id AS review_id, recommendation_themes.theme_id AS theme_id,
           sum(CASE WHEN actions.amber_from IS NOT NULL AND actions.red_from <= kept.as_of THEN 1 ELSE 0 END) AS red,
           sum(CASE WHEN actions.amber_from IS NOT NULL AND NOT (actions.red_from IS NOT NULL
                    AND actions.red_from <= kept.as_of) AND actions.amber_from <= kept.as_of
               THEN 1 ELSE 0 END) AS amber,
           sum(CASE WHEN actions.amber_from > kept.as_of AND NOT (actions.red_from IS NOT NULL
                    AND actions.red_from <= kept.as_of) THEN 1 ELSE 0 END) AS green,
           sum(CASE WHEN actions.amber_from IS NULL THEN 1 ELSE 0 END) AS blue,
           sum(CASE WHEN actions.status = 'assured' THEN 1 ELSE 0 END) AS assured
    FROM actions
    JOIN recommendations ON recommendations.id = actions.recommendation_id
    JOIN reviews ON reviews.id = recommendations.review_id
    JOIN recommendation_themes ON recommendation_themes.recommendation_id = actions.recommendation_id
    JOIN action_figures_day AS kept ON kept.id = 1
    WHERE actions.withdrawn_at IS NULL AND {LIVE}
    GROUP BY recommendations.review_id, recommendation_themes.theme_id
) AS acted ON acted.review_id = made.review_id AND acted.theme_id = made.theme_id
"""
TOTALS = """
INSERT INTO theme_totals (theme_id, review_type, year, reviews, recommendations, red, amber, green, blue, assured)
SELECT theme_id, review_type, year, count(*), sum(recommendations), sum(red), sum(amber), sum(green), sum(blue),
       sum(assured)
FROM theme_figures GROUP BY theme_id, review_type, year
"""
# The year a review's learning is counted in: published, else completed, else commissioned; 0 without any.
DATED = "coalesce(reviews.published_on, reviews.completed_on, reviews.commissioned_on)"
YEARS = {
    "sqlite": f"coalesce(CAST(strftime('%Y', {DATED}) AS INTEGER), 0)",
    "postgresql": f"coalesce(CAST(EXTRACT(year FROM {DATED}) AS INTEGER), 0)",
}


def upgrade():
    counts = [sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS]
    op.create_table(
        "theme_figures",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("review_type", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        *counts,
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name=op.f("fk_theme_figures_review_id_reviews")),
        sa.ForeignKeyConstraint(["theme_id"], ["themes.id"], name=op.f("fk_theme_figures_theme_id_themes")),
        sa.PrimaryKeyConstraint("review_id", "theme_id", name=op.f("pk_theme_figures")),
    )
    op.create_index(op.f("ix_theme_figures_theme_id"), "theme_figures", ["theme_id"], unique=False)
    op.create_table(
        "theme_totals",
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("review_type", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("reviews", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS),
        sa.ForeignKeyConstraint(["theme_id"], ["themes.id"], name=op.f("fk_theme_totals_theme_id_themes")),
        sa.PrimaryKeyConstraint("theme_id", "review_type", "year", name=op.f("pk_theme_totals")),
    )
    year = YEARS[op.get_bind().dialect.name]
    op.execute(FILL.replace("{YEAR}", year).replace("{LIVE}", LIVE))
    op.execute(TOTALS)


def downgrade():
    op.drop_table("theme_totals")
    op.drop_index(op.f("ix_theme_figures_theme_id"), table_name="theme_figures")
    op.drop_table("theme_figures")
