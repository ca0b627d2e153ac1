#!/usr/bin/env bash
# A private nginx (Debian's package) serving a generated marketplace on loopback, for the crawl benchmarks.
#
# How to run:
#   bench/crawl/nginx.sh bench/.data/market-3000            # serve on 127.0.0.1:18480 until Ctrl-C
#   CRAWL_PORT=18481 bench/crawl/nginx.sh FOLDER
#   source bench/crawl/nginx.sh; nginx_start FOLDER; ...; nginx_stop     (what the bench scripts do; trap nginx_stop EXIT)
#
# Settings: no daemon, its own prefix, conf, pid and error log under bench/.data/nginx-PORT, access_log off, sendfile,
# tcp_nopush, keepalive (65 s, 100,000 requests a connection), no gzip (the benches measure the clients, not
# compression). worker_processes 1: the machine has 2 cores and the crawler under test needs them; serving
# files with sendfile costs nginx little CPU (the bench prints how much), and one epoll worker handles 16 keep-alive
# connections without queueing, so a second worker would only compete with the client. A folder generated with
# --templates (market.json "mode": "templates") is served through a location that maps /itm/<id> to
# tpl/item-<last two digits of id>.html and writes the id into it with sub_filter (sub_filter_once off; the
# default sub_filter_types, text/html, is the type of those files).

CRAWL_PORT="${CRAWL_PORT:-18480}"
NGINX_PID=""

# nginx_install: apt-get installs Debian's nginx when the binary is missing.
nginx_install() {
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] && return 0
    echo "nginx.sh: installing nginx (Debian package)" >&2
    local sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nginx >/dev/null
}

nginx_bin() { command -v nginx 2>/dev/null || echo /usr/sbin/nginx; }

# nginx_conf ROOT PREFIX MODE: prints the configuration.
nginx_conf() {
    local root="$1" prefix="$2" mode="$3" user_line=""
    [ "$(id -u)" -eq 0 ] && user_line="user $(id -un) $(id -gn);"
    cat <<CONF
$user_line
worker_processes 1;
pid $prefix/nginx.pid;
error_log $prefix/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    gzip off;
    server_tokens off;
    types { text/html html; text/plain txt; text/csv csv; application/json json; }
    default_type text/html;
    charset utf-8;
    client_body_temp_path $prefix/tmp/body;
    proxy_temp_path $prefix/tmp/proxy;
    fastcgi_temp_path $prefix/tmp/fastcgi;
    uwsgi_temp_path $prefix/tmp/uwsgi;
    scgi_temp_path $prefix/tmp/scgi;
    server {
        listen 127.0.0.1:$CRAWL_PORT;
        root $root;
CONF
    if [ "$mode" = templates ]; then
        cat <<'CONF'
        location ~ "^/itm/(?<item_id>[0-9]{10}(?<tpl>[0-9]{2}))$" {
            try_files /tpl/item-$tpl.html =404;
            sub_filter '@@ITEMID@@' $item_id;
            sub_filter_once off;
        }
        location /tpl/ { internal; }
CONF
    else
        echo "        location /itm/ { default_type text/html; }"
    fi
    echo "    }"
    echo "}"
}

# nginx_start ROOT: writes the conf, starts nginx in the background, waits until it answers; sets NGINX_PID.
nginx_start() {
    local root prefix mode
    root="$(cd "$1" && pwd)"
    prefix="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.data/nginx-$CRAWL_PORT"
    mode=files
    grep -q '"mode": "templates"' "$root/market.json" 2>/dev/null && mode=templates
    nginx_install
    mkdir -p "$prefix/tmp"
    if [ -f "$prefix/nginx.pid" ] && kill -0 "$(cat "$prefix/nginx.pid")" 2>/dev/null; then
        echo "nginx.sh: stopping the nginx left running from an earlier bench (pid $(cat "$prefix/nginx.pid"))" >&2
        kill "$(cat "$prefix/nginx.pid")"; sleep 0.5
    fi
    nginx_conf "$root" "$prefix" "$mode" > "$prefix/nginx.conf"
    "$(nginx_bin)" -t -q -e "$prefix/error.log" -p "$prefix" -c "$prefix/nginx.conf" || { echo "nginx.sh: bad configuration $prefix/nginx.conf" >&2; return 2; }
    "$(nginx_bin)" -e "$prefix/error.log" -p "$prefix" -c "$prefix/nginx.conf" -g 'daemon off;' &
    NGINX_PID=$!
    local tries=0
    until python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$CRAWL_PORT/robots.txt', timeout=1)" 2>/dev/null; do
        tries=$((tries + 1))
        if [ $tries -gt 50 ] || ! kill -0 "$NGINX_PID" 2>/dev/null; then
            echo "nginx.sh: nginx did not come up on 127.0.0.1:$CRAWL_PORT (see $prefix/error.log)" >&2
            return 2
        fi
        sleep 0.1
    done
    echo "nginx.sh: serving $root ($mode) on http://127.0.0.1:$CRAWL_PORT/ (pid $NGINX_PID, conf $prefix/nginx.conf)" >&2
}

# nginx_stop: stops the nginx that nginx_start started (by its pid), if any.
nginx_stop() {
    if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill -QUIT "$NGINX_PID" 2>/dev/null
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    NGINX_PID=""
}

# nginx_version: "nginx/1.22.1".
nginx_version() { "$(nginx_bin)" -v 2>&1 | sed 's/^nginx version: //'; }

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    [ $# -ge 1 ] || { echo "usage: $0 FOLDER   (serves it on 127.0.0.1:\$CRAWL_PORT, default 18480)" >&2; exit 2; }
    trap nginx_stop EXIT INT TERM
    nginx_start "$1"
    wait "$NGINX_PID"
fi
