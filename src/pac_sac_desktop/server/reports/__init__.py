"""Reports on requests computed in SQL (PostgreSQL and SQLite), their exports and open data."""
