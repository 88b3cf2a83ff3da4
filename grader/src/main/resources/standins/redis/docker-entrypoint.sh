#!/bin/sh
set -e

# first arg is `-f` or `--some-option`, or `something.conf`: run redis-server with it
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

if [ "$1" = redis-server ]; then
	# Upstream builds redis with protected-mode off by default; Debian keeps it on.
	# Turn it off unless the arguments or the given config file set it.
	conf=
	if [ "${2%.conf}" != "${2:-}" ]; then conf=$2; fi
	case " $* " in
		*protected-mode*) ;;
		*) if [ -z "$conf" ] || ! grep -qs '^[[:space:]]*protected-mode' "$conf"; then
			set -- "$@" --protected-mode no
		   fi ;;
	esac
	# allow the container to be started with `--user`
	if [ "$(id -u)" = 0 ]; then
		find . \! -user redis -exec chown redis '{}' +
		exec setpriv --reuid=redis --regid=redis --init-groups "$0" "$@"
	fi
fi

# set an appropriate umask (if one isn't set already)
um="$(umask)"
if [ "$um" = '0022' ]; then
	umask 0077
fi

exec "$@"
