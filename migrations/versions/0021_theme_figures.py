"""Each review's recommendations and actions by theme, kept with the RAG figures, so that the themes page adds up
rows per review and theme rather than reading every themed action

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
FILL = f"""
INSERT INTO theme_figures (review_id, theme_id, recommendations, red, amber, green, blue, assured)
SELECT made.review_id, made.theme_id, made.recommendations,
       coalesce(acted.red, 0), coalesce(acted.amber, 0), coalesce(acted.green, 0), coalesce(acted.blue, 0),
       coalesce(acted.assured, 0)
FROM (
    SELECT recommendations.review_id AS review_id, recommendation_themes.theme_id AS theme_id,
           count(*) AS recommendations
    FROM recommendations
    JOIN reviews ON reviews.id = recommendations.review_id
    JOIN recommendation_themes ON recommendation_themes.recommendation_id = recommendations.id
    WHERE {LIVE}
    GROUP BY recommendations.review_id, recommendation_themes.theme_id
) AS made
LEFT OUTER JOIN (
    SELECT recommendations.review_id AS review_id, recommendation_themes.theme_id AS theme_id,
           sum(CASE WHEN actions.amber_from IS NOT NULL AND actions.red_from <= kept.as_of THEN 1 ELSE 0 END) AS red,
           sum(CASE WHEN actions.amber_from IS NOT NULL AND NOT (actions.red_from IS NOT NULL
                    AND actions.red_from <= kept.as_of) AND actions.amber_from <= kept.as_of THEN 1 ELSE 0 END) AS amber,
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


def upgrade():
    op.create_table(
        "theme_figures",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name=op.f("fk_theme_figures_review_id_reviews")),
        sa.ForeignKeyConstraint(["theme_id"], ["themes.id"], name=op.f("fk_theme_figures_theme_id_themes")),
        sa.PrimaryKeyConstraint("review_id", "theme_id", name=op.f("pk_theme_figures")),
    )
    op.create_index(op.f("ix_theme_figures_theme_id"), "theme_figures", ["theme_id"], unique=False)
    op.execute(FILL)


def downgrade():
    op.drop_index(op.f("ix_theme_figures_theme_id"), table_name="theme_figures")
    op.drop_table("theme_figures")
