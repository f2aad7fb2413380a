from tests._pg import db_url, postgres_url

__all__ = ["db_url", "postgres_url"]
