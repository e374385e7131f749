#!/bin/bash
# down.sh - stop every service that up.sh started, by the PIDs in $STATE/run.
#   usage: down.sh [--purge]   (--purge also deletes the state dir: DBs, images, logs)
#          down.sh NAME...     stop only those services (names as in $STATE/run/NAME.pid)
# Each service was started with setsid, so its pid is also its process-group id:
# TERM the group (uwsgi workers, oslo.service children, beam's helpers), wait, then KILL.
set -u
S=${PP_OPENSTACK_STATE:-/tmp/package-pipeline-openstack}
ORDER="cinder-volume cinder-scheduler cinder-api nova-compute nova-scheduler nova-conductor nova-api
       neutron-server placement glance-api keystone rabbitmq epmd mariadb"
stop() {
  local name=$1 f="$S/run/$1.pid" pid
  [ -s "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; }
    echo "stopped $name (pid $pid)"
  fi
  # children that outlive the leader keep the process group; sweep it
  kill -0 -- "-$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null
  rm -f "$f"
}
if [ $# -gt 0 ] && [ "$1" != "--purge" ]; then for n in "$@"; do stop "$n"; done; exit 0; fi
for n in $ORDER; do stop "$n"; done
# anything else recorded (future services)
for f in "$S"/run/*.pid; do [ -e "$f" ] || continue; n=$(basename "$f" .pid); case " $ORDER " in *" $n "*) ;; *) [ "$n" = mariadbd ] || [ "$n" = rabbitmq-beam ] || stop "$n";; esac; done
rm -f "$S/run/mariadbd.pid" "$S/run/rabbitmq-beam.pid"
if [ "${1:-}" = "--purge" ]; then rm -rf "$S"; echo "purged $S"; fi
exit 0
