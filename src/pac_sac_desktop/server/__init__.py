"""The central server: FastAPI over SQLAlchemy (PostgreSQL in production, SQLite for the demo)."""
