#!/usr/bin/env bash
# Condensed version of the docker-library postgres entrypoint: same variables, same first-start
# initialisation (initdb, pg_hba, POSTGRES_DB, /docker-entrypoint-initdb.d), setpriv instead of gosu.
set -Eeo pipefail

# usage: file_env VAR [DEFAULT]; VAR_FILE (Docker secrets) may provide the value instead
file_env() {
	local var="$1" fileVar="${1}_FILE" def="${2:-}"
	if [ "${!var:-}" ] && [ "${!fileVar:-}" ]; then
		printf >&2 'error: both %s and %s are set (but are exclusive)\n' "$var" "$fileVar"
		exit 1
	fi
	local val="$def"
	if [ "${!var:-}" ]; then
		val="${!var}"
	elif [ "${!fileVar:-}" ]; then
		val="$(< "${!fileVar}")"
	fi
	export "$var"="$val"
	unset "$fileVar"
}

# usage: docker_process_sql [psql-args] (also available to sourced init scripts, like upstream)
docker_process_sql() {
	local query_runner=( psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc )
	if [ -n "$POSTGRES_DB" ]; then
		query_runner+=( --dbname "$POSTGRES_DB" )
	fi
	PGHOST= PGHOSTADDR= "${query_runner[@]}" "$@"
}

docker_process_init_files() {
	psql=( docker_process_sql )
	local f
	for f; do
		case "$f" in
			*.sh)
				if [ -x "$f" ]; then
					printf '%s: running %s\n' "$0" "$f"; "$f"
				else
					printf '%s: sourcing %s\n' "$0" "$f"; . "$f"
				fi ;;
			*.sql)    printf '%s: running %s\n' "$0" "$f"; docker_process_sql -f "$f" ;;
			*.sql.gz) printf '%s: running %s\n' "$0" "$f"; gunzip -c "$f" | docker_process_sql ;;
			*.sql.xz) printf '%s: running %s\n' "$0" "$f"; xzcat "$f" | docker_process_sql ;;
			*)        printf '%s: ignoring %s\n' "$0" "$f" ;;
		esac
	done
}

_pg_want_help() {
	local arg
	for arg; do
		case "$arg" in
			-'?'|--help|--describe-config|-V|--version) return 0 ;;
		esac
	done
	return 1
}

_main() {
	# first arg looks like a flag: run the postgres server with it
	if [ "${1:0:1}" = '-' ]; then
		set -- postgres "$@"
	fi

	if [ "$1" = 'postgres' ] && ! _pg_want_help "$@"; then
		file_env 'POSTGRES_PASSWORD'
		file_env 'POSTGRES_USER' 'postgres'
		file_env 'POSTGRES_DB' "$POSTGRES_USER"
		file_env 'POSTGRES_INITDB_ARGS'
		: "${POSTGRES_HOST_AUTH_METHOD:=}"

		mkdir -p "$PGDATA"
		chmod 00700 "$PGDATA" || :
		mkdir -p /var/run/postgresql || :
		chmod 03775 /var/run/postgresql || :
		if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
			mkdir -p "$POSTGRES_INITDB_WALDIR"
			if [ "$(id -u)" = '0' ]; then
				find "$POSTGRES_INITDB_WALDIR" \! -user postgres -exec chown postgres '{}' +
			fi
			chmod 700 "$POSTGRES_INITDB_WALDIR"
		fi
		if [ "$(id -u)" = '0' ]; then
			find "$PGDATA" \! -user postgres -exec chown postgres '{}' +
			find /var/run/postgresql \! -user postgres -exec chown postgres '{}' +
			# restart this script as the postgres user
			HOME=/var/lib/postgresql exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
		fi

		# initialise only an empty data directory
		if [ ! -s "$PGDATA/PG_VERSION" ]; then
			if [ -z "$POSTGRES_PASSWORD" ] && [ 'trust' != "$POSTGRES_HOST_AUTH_METHOD" ]; then
				cat >&2 <<-'EOE'
					Error: Database is uninitialized and superuser password is not specified.
					       You must specify POSTGRES_PASSWORD to a non-empty value for the
					       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

					       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
					       connections without a password. This is *not* recommended.
				EOE
				exit 1
			fi
			ls /docker-entrypoint-initdb.d/ > /dev/null

			local waldir=()
			if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
				waldir=( --waldir "$POSTGRES_INITDB_WALDIR" )
			fi
			eval 'initdb --username="$POSTGRES_USER" --pwfile=<(printf "%s\n" "$POSTGRES_PASSWORD") '"$POSTGRES_INITDB_ARGS"' "${waldir[@]}"'

			# remote connections: POSTGRES_HOST_AUTH_METHOD, else the configured password_encryption
			local auth
			auth="$(postgres -C password_encryption "${@:2}")"
			: "${POSTGRES_HOST_AUTH_METHOD:=$auth}"
			printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >> "$PGDATA/pg_hba.conf"

			# socket-only temporary server for the setup
			export PGPASSWORD="${PGPASSWORD:-$POSTGRES_PASSWORD}"
			PGUSER="${PGUSER:-$POSTGRES_USER}" \
				pg_ctl -D "$PGDATA" -o "$(printf '%q ' "${@:2}" -c listen_addresses='' -p "${PGPORT:-5432}")" -w start

			if [ -z "$(POSTGRES_DB= docker_process_sql --dbname postgres --set db="$POSTGRES_DB" --tuples-only <<< "SELECT 1 FROM pg_database WHERE datname = :'db' ;")" ]; then
				POSTGRES_DB= docker_process_sql --dbname postgres --set db="$POSTGRES_DB" <<< 'CREATE DATABASE :"db" ;'
			fi
			docker_process_init_files /docker-entrypoint-initdb.d/*

			PGUSER="${PGUSER:-postgres}" pg_ctl -D "$PGDATA" -m fast -w stop
			unset PGPASSWORD
			printf '\nPostgreSQL init process complete; ready for start up.\n\n'
		else
			printf '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n'
		fi
	fi

	exec "$@"
}

_main "$@"
