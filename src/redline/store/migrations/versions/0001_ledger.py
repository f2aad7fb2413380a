"""The ledger: accounts, decisions, append-only events, appeals.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

_PG_APPEND_ONLY = """
CREATE FUNCTION redline_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the % table is append-only', TG_TABLE_NAME; END $$;
"""


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("author", sa.String(512), primary_key=True),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("post_id", sa.String(512), nullable=False),
        sa.Column("post_version", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(128), nullable=False),
        sa.Column("author", sa.String(512), nullable=False, index=True),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("stance", sa.String(32)),
        sa.Column("confidence", sa.Float()),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("policy_version", sa.String(64), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("assessments", sa.JSON(), nullable=False),
        sa.Column("content_types", sa.JSON(), nullable=False),
        sa.Column("content_date", sa.String(64)),
        sa.Column("content_language", sa.String(16)),
        sa.Column("account_type", sa.String(64)),
        sa.Column("created_at", sa.DateTime(), nullable=False, index=True),
        sa.UniqueConstraint("post_id", "post_version", "rule", name="uq_decisions_post_rule"),
    )
    op.create_table(
        "events",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("author", sa.String(512), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("decision_id", sa.String(40), sa.ForeignKey("decisions.id"), index=True),
        sa.Column("appeal_id", sa.Integer()),
        sa.Column("actor", sa.String(256), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("policy_version", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("dedup_key", sa.String(200), unique=True),
    )
    op.create_index("ix_events_author_id", "events", ["author", "id"])
    op.create_table(
        "appeals",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("decision_id", sa.String(40), sa.ForeignKey("decisions.id"), nullable=False, unique=True),
        sa.Column("author", sa.String(512), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("filed_at", sa.DateTime(), nullable=False),
    )
    # The ledger is append-only in the database itself, not only by convention.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_APPEND_ONLY)
        for table in ("events", "decisions"):
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION redline_append_only()")
    else:
        for table in ("events", "decisions"):
            for what in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{what.lower()} BEFORE {what} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, 'the {table} table is append-only'); END")


def downgrade() -> None:
    for table in ("appeals", "events", "decisions", "accounts"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION redline_append_only()")
