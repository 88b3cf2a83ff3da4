#!/bin/sh
# Cut-down upstream entrypoint: when starting nginx, render /etc/nginx/templates/*.template into
# /etc/nginx/conf.d with envsubst (set variables only), then run executable /docker-entrypoint.d/*.sh.
set -e
if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then
    tdir=${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}
    suffix=${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}
    odir=${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}
    if [ -d "$tdir" ]; then
        vars=$(printf '${%s} ' $(env | cut -d= -f1))
        find "$tdir" -follow -type f -name "*$suffix" -print | while read -r t; do
            out="$odir/${t#"$tdir"/}"; out=${out%"$suffix"}
            mkdir -p "$(dirname "$out")"
            envsubst "$vars" < "$t" > "$out"
        done
    fi
    for f in /docker-entrypoint.d/*.sh; do
        if [ -x "$f" ]; then "$f"; fi
    done
fi
exec "$@"
