"""Automated runbook for HighLatencyP95: record what PostgreSQL is doing, for the on-call to read."""
import os

import psycopg2

with psycopg2.connect(os.environ['DATABASE_URL'], connect_timeout=5) as conn, conn.cursor() as cur:
    cur.execute("SELECT state, count(*), max(now() - query_start) FROM pg_stat_activity GROUP BY state")
    for state, count, oldest in cur.fetchall():
        print(f'state={state} sessions={count} oldest={oldest}')
