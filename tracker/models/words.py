"""The words inside the searched text, kept where SQLite can find them without reading every row.

SQLite has no index for a word in the middle of a text, so it keeps a full-text table of trigrams beside
each searched table (FTS5's trigram tokenizer): an action's wording and owner, a recommendation's lead
sentence. Each holds no text of its own, only the trigrams of its table's rows (`content=`), and triggers
keep it in step with every insert, update and delete. PostgreSQL needs none of this: its trigram indexes
(pg_trgm) are ordinary indexes on the tables themselves.

The trigrams fold the case of more letters than SQLite's LIKE does, so what they find is only where to
look: the search still tests each row it finds with LIKE (`tracker.services.search.text`), and words of
one or two letters, which hold no trigram, are looked for in every row as before.

Migration 0011 makes the same tables; `Base.metadata.create_all` (the tests) makes them through these events.
A later migration that rebuilds `actions` or `recommendations` on SQLite (alembic's batch mode copies the
table and drops the old one, and its triggers with it) must make the triggers again.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import DDL, Index, Integer, TableClause, column, event, func, literal_column, table

from tracker.models.base import Base

# Each searched table and its columns, by the name of the table of its words.
WORD_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "action_words": ("actions", ("description", "owner")),
    "recommendation_words": ("recommendations", ("title",)),
}
# The searched table's name, to the table of its words.
WORDS_OF = {table: words for words, (table, _columns) in WORD_TABLES.items()}
# The shortest word the trigrams can find.
SHORTEST_INDEXED_WORD = 3


def words_table(words: str) -> TableClause:
    """A full-text table as a statement reads it: its rows' ids, and the column named as the table that a
    phrase is matched against (`matching`)."""
    return table(words, column("rowid", Integer), column(words))


def matching(words: TableClause, phrase: Any) -> Any:
    """The rows of a full-text table whose trigrams hold the phrase."""
    return words.c[words.name].op("MATCH")(phrase)


def trigram_indexes(table: str, *columns: str) -> list[Index]:
    """PostgreSQL's trigram indexes on these columns of a table, lowered as the search's LIKE lowers them."""
    return [
        Index(
            f"ix_{table}_{name}_trigrams",
            func.lower(literal_column(name)).label(f"{name}_lower"),
            postgresql_using="gin",
            postgresql_ops={f"{name}_lower": "gin_trgm_ops"},
        ).ddl_if(dialect="postgresql")
        for name in columns
    ]


def creating(words: str) -> list[str]:
    """The full-text table `words`, filled from its table's rows, and the triggers that keep it in step."""
    table, columns = WORD_TABLES[words]
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    # Names from WORD_TABLES above, never from outside.
    add = f"INSERT INTO {words} (rowid, {names}) VALUES (new.id, {new});"  # noqa: S608
    remove = f"INSERT INTO {words} ({words}, rowid, {names}) VALUES ('delete', old.id, {old});"  # noqa: S608
    fts = f"fts5({names}, content='{table}', content_rowid='id', tokenize='trigram')"
    return [
        f"CREATE VIRTUAL TABLE {words} USING {fts}",
        f"INSERT INTO {words} ({words}) VALUES ('rebuild')",  # noqa: S608
        f"CREATE TRIGGER {words}_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {words}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER {words}_update AFTER UPDATE OF {names} ON {table} BEGIN {remove} {add} END",
    ]


def dropping(words: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {words}_{when}" for when in ("insert", "delete", "update")] + [
        f"DROP TABLE IF EXISTS {words}"
    ]


def kept_beside_the_models(name: str | None) -> bool:
    """Whether a table is one of these full-text tables or one that SQLite keeps for it (`action_words_data`…),
    which the models do not describe."""
    return name is not None and any(name == words or name.startswith(f"{words}_") for words in WORD_TABLES)


for _words in WORD_TABLES:
    for _statement in creating(_words):
        event.listen(Base.metadata, "after_create", DDL(_statement).execute_if(dialect="sqlite"))  # type: ignore[no-untyped-call]
    for _statement in dropping(_words):
        event.listen(Base.metadata, "before_drop", DDL(_statement).execute_if(dialect="sqlite"))  # type: ignore[no-untyped-call]
