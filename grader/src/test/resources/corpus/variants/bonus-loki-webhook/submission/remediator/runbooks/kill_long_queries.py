"""Automated runbook for PostgresTooManyActiveQueries: terminate queries active for too long.

Same steps as runbooks/PostgresTooManyActiveQueries.md, minus the human: list the active sessions older
than LONG_QUERY_SECONDS (never our own, never replication) and pg_terminate_backend() them.
"""
import os

import psycopg2

LIMIT = int(os.environ.get('LONG_QUERY_SECONDS', '5'))

with psycopg2.connect(os.environ['DATABASE_URL'], connect_timeout=5) as conn, conn.cursor() as cur:
    cur.execute(
        """SELECT pid, now() - query_start, left(query, 60) FROM pg_stat_activity
           WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'
             AND now() - query_start > make_interval(secs => %s)""", (LIMIT,))
    victims = cur.fetchall()
    for pid, age, query in victims:
        cur.execute('SELECT pg_terminate_backend(%s)', (pid,))
        print(f'terminated pid={pid} age={age} query={query!r}')
print(f'{len(victims)} session(s) terminated')
