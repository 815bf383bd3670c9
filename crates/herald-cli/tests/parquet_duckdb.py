"""Reads herald's Parquet export with DuckDB (hive partitioning) and checks the row count.

Usage: parquet_duckdb.py EVENTS_DIR EXPECTED_ROWS. Exit 0: ok; 1: wrong; 77: DuckDB not installed
(`pip install duckdb`), so the calling test skips.
"""
import sys

try:
    import duckdb
except ImportError:
    print("the duckdb Python package is not installed")
    sys.exit(77)

events, expected = sys.argv[1], int(sys.argv[2])
rel = duckdb.sql(
    f"SELECT count(*), count(DISTINCT date), min(quad_class), max(quad_class) "
    f"FROM read_parquet('{events}/*/*.parquet', hive_partitioning = true)"
)
rows, days, qmin, qmax = rel.fetchall()[0]
print(f"duckdb: {rows} rows over {days} dates")
if rows != expected or not (1 <= qmin <= qmax <= 4):
    print(f"expected {expected} rows with quad classes 1-4, got {rows} ({qmin}-{qmax})")
    sys.exit(1)
