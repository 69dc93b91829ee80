"""On SQLite, full-text tables of trigrams beside the actions' wording and owners and the recommendations'
lead sentences, kept in step by triggers, so that the text search finds a word without reading every row
(PostgreSQL has its trigram indexes since 0009)

Revision ID: 0011_word_tables
Revises: 0010_reminders
Create Date: 2026-12-02 19:00:00

"""

from alembic import op

revision = "0011_word_tables"
down_revision = "0010_reminders"
branch_labels = None
depends_on = None

# As tracker.models.words stood when this migration was written: each full-text table, its table and columns.
WORD_TABLES = {
    "action_words": ("actions", ("description", "owner")),
    "recommendation_words": ("recommendations", ("title",)),
}


def _creating(words):
    table, columns = WORD_TABLES[words]
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    add = f"INSERT INTO {words} (rowid, {names}) VALUES (new.id, {new});"
    remove = f"INSERT INTO {words} ({words}, rowid, {names}) VALUES ('delete', old.id, {old});"
    return [
        f"CREATE VIRTUAL TABLE {words} USING fts5({names}, content='{table}', content_rowid='id', "
        "tokenize='trigram')",
        # Every row there is, read from the table itself.
        f"INSERT INTO {words} ({words}) VALUES ('rebuild')",
        f"CREATE TRIGGER {words}_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {words}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER {words}_update AFTER UPDATE OF {names} ON {table} BEGIN {remove} {add} END",
    ]


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    for words in WORD_TABLES:
        for statement in _creating(words):
            op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    for words in WORD_TABLES:
        for when in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {words}_{when}")
        op.execute(f"DROP TABLE IF EXISTS {words}")
