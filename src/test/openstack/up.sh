#!/bin/bash
# up.sh - Package Pipeline's test OpenStack: install (if needed) and start a real
# OpenStack control plane (Zed, Debian 12 packages) on 127.0.0.1 for the
# @Tag("openstack") integration tests. Idempotent: re-running skips installed
# packages, initialised databases and running services. See README.md here.
#
#   usage: up.sh [LEVEL]     (or PP_OPENSTACK_LEVEL=N)
#     1 = MariaDB + Keystone                              (:5000)
#     2 = + Glance (file store)                           (:9292)
#     3 = + RabbitMQ, Placement, Neutron (ML2, no agents), Nova (fake virt driver)
#                                          (:8778 :9696 :8774, rabbit :5672)
#     4 = + Cinder (fake volume driver)                   (:8776)   [default]
#
#   env: PP_OPENSTACK_STATE   state dir (configs, DB, logs, pids) default /tmp/package-pipeline-openstack
#        PP_OPENSTACK_PASSWORD every password (admin, services, DB, rabbit)  default secret
#        PP_OPENSTACK_SEED=0  skip creating flavors/image/networks/router
#        PP_OPENSTACK_SKIP_INSTALL=1  never call apt-get
# Writes $PP_OPENSTACK_STATE/openrc and $PP_OPENSTACK_STATE/clouds.yaml (cloud name "package-pipeline-test").
# No systemd, no apache, no libvirt/qemu, no LVM/iSCSI: everything runs as root
# processes started here; down.sh stops them by the PIDs recorded in $STATE/run.
set -euo pipefail

LEVEL=${1:-${PP_OPENSTACK_LEVEL:-4}}
HERE=$(cd "$(dirname "$0")" && pwd)
S=${PP_OPENSTACK_STATE:-/tmp/package-pipeline-openstack}
PW=${PP_OPENSTACK_PASSWORD:-secret}
DBPORT=${PP_OPENSTACK_DB_PORT:-3306}
PY=/usr/bin/python3            # Debian's python (not pyenv / venv on PATH)
export PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV || true
T0=$(date +%s.%N)

log()  { printf '[openstack-up %6.1fs] %s\n' "$(awk "BEGIN{print $(date +%s.%N) - $T0}")" "$*"; }
die()  { log "ERROR: $*"; exit 1; }

mkdir -p "$S"/{etc,lib,log,run,lock,pylib}

# ---------------------------------------------------------------- packages
PKGS_1="mariadb-server keystone python3-openstackclient curl"
PKGS_2="glance-api python3-glanceclient"
PKGS_3="rabbitmq-server placement-api python3-osc-placement nova-api nova-conductor nova-scheduler python3-novaclient neutron-server python3-neutronclient"
PKGS_4="cinder-api cinder-scheduler python3-cinderclient"

install_packages() {
  local want="" missing="" p
  for l in 1 2 3 4; do [ "$l" -le "$LEVEL" ] && eval "want=\"\$want \$PKGS_$l\""; done
  for p in $want; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"; done
  [ -z "$missing" ] && { log "packages already installed"; return; }
  [ "${PP_OPENSTACK_SKIP_INSTALL:-0}" = 1 ] && die "missing packages:$missing"
  log "installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  # never let maintainer scripts start daemons (no systemd here anyway)
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made_policy=1; fi
  # all openstack debconf questions default to "no" (configure_db, rabbit, endpoints...)
  echo "man-db man-db/auto-update boolean false" | debconf-set-selections || true
  local A="-o DPkg::Lock::Timeout=900 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold -o Dpkg::Options::=--force-unsafe-io"
  if ! apt-get $A install -y --no-install-recommends $missing > "$S/log/apt-install.log" 2>&1; then
    apt-get $A update > "$S/log/apt-update.log" 2>&1
    apt-get $A install -y --no-install-recommends $missing > "$S/log/apt-install.log" 2>&1 || { tail -20 "$S/log/apt-install.log"; die "apt-get install failed"; }
  fi
  [ $made_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  log "packages installed"
}

# ---------------------------------------------------------------- helpers
alive() { local f="$S/run/$1.pid"; [ -s "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }

# start NAME cmd... : run in its own session (pgid = pid), stdout/err to log
start() {
  local name=$1; shift
  if alive "$name"; then log "$name already running (pid $(cat "$S/run/$name.pid"))"; return; fi
  setsid "$@" </dev/null >>"$S/log/$name.stdout" 2>&1 &
  echo $! > "$S/run/$name.pid"
  log "started $name (pid $!)"
}

# wait_http NAME URL [timeout] : any HTTP answer < 500 counts as "API answering"
wait_http() {
  local name=$1 url=$2 to=${3:-120} c end=$(( $(date +%s) + ${3:-120} ))
  while :; do
    c=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" || true)
    [[ "$c" =~ ^[1234] ]] && { log "$name answering ($c) at $url"; return; }
    grep -qs 'no python application found' "$S/log/$name-uwsgi.log" && { grep -hs -m3 CRITICAL "$S"/log/$name*.log; die "$name: wsgi app failed to load"; }
    alive "$name" || { tail -20 "$S/log/$name"*.log "$S/log/$name.stdout" 2>/dev/null; die "$name died"; }
    [ "$(date +%s)" -ge $end ] && die "$name not answering at $url after ${to}s"
    sleep 0.3
  done
}

# uwsgi NAME PORT THREADS WSGI_SCRIPT ENV... : one process, HTTP/1.1 keep-alive
# (plain --http-socket gives "Connection reset by peer" with python-requests clients).
# nova-api MUST use 1 thread: it is eventlet-monkey-patched and its RPC reply
# listener only runs in the hub of the thread that created it -> MessagingTimeout
# on RPC calls (volume attach) when uwsgi has several threads.
start_uwsgi() {
  local name=$1 port=$2 threads=$3 script=$4; shift 4
  local envs=(); for e in "$@"; do envs+=(--env "$e"); done
  start "$name" uwsgi --plugin python3 --http11-socket "127.0.0.1:$port" --wsgi-file "$script" \
    --master --processes "${PP_OPENSTACK_UWSGI_PROCESSES:-1}" --threads "$threads" --enable-threads \
    --die-on-term --lazy-apps --buffer-size 65535 --logto "$S/log/$name-uwsgi.log" "${envs[@]}"
}

SQL() { mariadb --socket="$S/run/mysqld.sock" -uroot "$@"; }
DBURL() { echo "mysql+pymysql://os:$PW@127.0.0.1:$DBPORT/$1?charset=utf8"; }

# keystone auth block used by every service section
ksauth() { cat <<EOF
auth_url = http://127.0.0.1:5000
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $1
password = $PW
region_name = RegionOne
EOF
}
authtoken() { echo "[keystone_authtoken]"; echo "www_authenticate_uri = http://127.0.0.1:5000"; ksauth "$1"; }
policy() { printf '[oslo_policy]\nenforce_new_defaults = False\nenforce_scope = False\n'; }

once() { [ -e "$S/lib/.done-$1" ]; }
done_() { touch "$S/lib/.done-$1"; }

# ---------------------------------------------------------------- MariaDB
up_mariadb() {
  if [ ! -d "$S/lib/mysql/mysql" ]; then
    mkdir -p "$S/lib/mysql"
    mariadb-install-db --datadir="$S/lib/mysql" --user=root --auth-root-authentication-method=socket \
      --skip-test-db > "$S/log/mariadb-install-db.log" 2>&1 || die "mariadb-install-db failed"
  fi
  start mariadb /usr/sbin/mariadbd --no-defaults --datadir="$S/lib/mysql" --socket="$S/run/mysqld.sock" \
    --pid-file="$S/run/mariadbd.pid" --port="$DBPORT" --bind-address=127.0.0.1 --user=root \
    --log-error="$S/log/mariadb.log" --innodb-buffer-pool-size=64M --innodb-log-file-size=32M \
    --innodb-flush-log-at-trx-commit=2 --max-connections=1000 --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci
  local end=$(( $(date +%s) + 60 ))
  until mariadb-admin --socket="$S/run/mysqld.sock" -uroot ping >/dev/null 2>&1; do
    alive mariadb || { tail "$S/log/mariadb.log"; die "mariadb died"; }
    [ "$(date +%s)" -ge $end ] && die "mariadb not up"; sleep 0.2; done
  SQL -e "CREATE USER IF NOT EXISTS 'os'@'127.0.0.1' IDENTIFIED BY '$PW'; GRANT ALL ON *.* TO 'os'@'127.0.0.1'; FLUSH PRIVILEGES;
          CREATE DATABASE IF NOT EXISTS keystone; CREATE DATABASE IF NOT EXISTS glance; CREATE DATABASE IF NOT EXISTS placement;
          CREATE DATABASE IF NOT EXISTS nova_api; CREATE DATABASE IF NOT EXISTS nova; CREATE DATABASE IF NOT EXISTS nova_cell0;
          CREATE DATABASE IF NOT EXISTS neutron; CREATE DATABASE IF NOT EXISTS cinder;"
  log "mariadb ready"
}

# ---------------------------------------------------------------- Keystone
up_keystone() {
  mkdir -p "$S/etc/keystone"
  cat > "$S/etc/keystone/keystone.conf" <<EOF
[DEFAULT]
log_file = $S/log/keystone.log
[database]
connection = $(DBURL keystone)
[token]
provider = fernet
expiration = 14400
[fernet_tokens]
key_repository = $S/etc/keystone/fernet-keys
[credential]
key_repository = $S/etc/keystone/credential-keys
[oslo_policy]
policy_dirs = /etc/keystone/policy.d
EOF
  local K="keystone-manage --config-file $S/etc/keystone/keystone.conf"
  if ! once keystone; then
    $K db_sync 2>>"$S/log/keystone-manage.err"
    [ -d "$S/etc/keystone/fernet-keys" ] || $K fernet_setup --keystone-user root --keystone-group root 2>>"$S/log/keystone-manage.err"
    [ -d "$S/etc/keystone/credential-keys" ] || $K credential_setup --keystone-user root --keystone-group root 2>>"$S/log/keystone-manage.err"
    $K bootstrap --bootstrap-password "$PW" --bootstrap-region-id RegionOne \
      --bootstrap-admin-url http://127.0.0.1:5000/v3/ --bootstrap-internal-url http://127.0.0.1:5000/v3/ \
      --bootstrap-public-url http://127.0.0.1:5000/v3/ 2>>"$S/log/keystone-manage.err"
    done_ keystone; log "keystone db initialised"
  fi
  start_uwsgi keystone 5000 4 /usr/bin/keystone-wsgi-public "OS_KEYSTONE_CONFIG_DIR=$S/etc/keystone"
  wait_http keystone http://127.0.0.1:5000/v3/
  cat > "$S/openrc" <<EOF
export OS_AUTH_URL=http://127.0.0.1:5000/v3
export OS_IDENTITY_API_VERSION=3
export OS_USERNAME=admin
export OS_PASSWORD=$PW
export OS_PROJECT_NAME=admin
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=RegionOne
export OS_COMPUTE_API_VERSION=2.79
EOF
  cat > "$S/clouds.yaml" <<EOF
clouds:
  package-pipeline-test:
    auth:
      auth_url: http://127.0.0.1:5000/v3
      username: admin
      password: $PW
      project_name: admin
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    identity_api_version: 3
EOF
}

register() {  # register name:type:url ... (idempotent, one python process)
  OS_PASSWORD=$PW OS_SERVICE_PASSWORD=$PW $PY "$HERE/python/register_services.py" "$@" >> "$S/log/ks_register.log" 2>&1 \
    || { tail -20 "$S/log/ks_register.log"; die "keystone registration failed"; }
}

# ---------------------------------------------------------------- Glance
up_glance() {
  mkdir -p "$S/etc/glance" "$S/lib/glance"/{images,staging,tasks} "$S/lock/glance"
  cp /etc/glance/glance-api-paste.ini "$S/etc/glance/"
  { cat <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = 9292
workers = 1
log_file = $S/log/glance-api.log
enabled_backends = file:file
show_image_direct_url = True
[database]
connection = $(DBURL glance)
[glance_store]
default_backend = file
[file]
filesystem_store_datadir = $S/lib/glance/images
[os_glance_staging_store]
filesystem_store_datadir = $S/lib/glance/staging
[os_glance_tasks_store]
filesystem_store_datadir = $S/lib/glance/tasks
[paste_deploy]
flavor = keystone
config_file = $S/etc/glance/glance-api-paste.ini
[oslo_concurrency]
lock_path = $S/lock/glance
EOF
  authtoken glance; policy; } > "$S/etc/glance/glance-api.conf"
  once glance || { glance-manage --config-file "$S/etc/glance/glance-api.conf" db_sync >"$S/log/glance-manage.log" 2>&1 && done_ glance; }
  start glance-api /usr/bin/glance-api --config-file "$S/etc/glance/glance-api.conf"
}

# ---------------------------------------------------------------- RabbitMQ
up_rabbit() {
  mkdir -p "$S/lib/rabbitmq" "$S/log/rabbitmq" "$S/etc"
  [ -s "$S/lib/rabbitmq/.erlang.cookie" ] || { head -c 24 /dev/urandom | md5sum | cut -c1-20 > "$S/lib/rabbitmq/.erlang.cookie"; chmod 400 "$S/lib/rabbitmq/.erlang.cookie"; }
  cat > "$S/etc/rabbitmq-env.sh" <<EOF
export HOME=$S/lib/rabbitmq
export RABBITMQ_NODENAME=rabbit@localhost
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=5672
export RABBITMQ_DIST_PORT=25672
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_MNESIA_BASE=$S/lib/rabbitmq/mnesia
export RABBITMQ_LOG_BASE=$S/log/rabbitmq
export RABBITMQ_PID_FILE=$S/run/rabbitmq-beam.pid
export RABBITMQ_CONFIG_FILE=$S/etc/rabbitmq
export RABBITMQ_ENABLED_PLUGINS_FILE=$S/etc/rabbitmq-enabled-plugins
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
EOF
  echo "[]." > "$S/etc/rabbitmq-enabled-plugins"
  printf 'loopback_users = none\nlisteners.tcp.default = 127.0.0.1:5672\n' > "$S/etc/rabbitmq.conf"
  # shellcheck disable=SC1091
  . "$S/etc/rabbitmq-env.sh"
  # our own epmd (foreground) so that down.sh can stop it by pid
  start epmd /usr/bin/epmd -address 127.0.0.1
  start rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server
}
wait_rabbit() {
  . "$S/etc/rabbitmq-env.sh"
  local R=/usr/lib/rabbitmq/bin/rabbitmqctl end=$(( $(date +%s) + 120 ))
  until $R -q await_startup --timeout 2 >/dev/null 2>&1; do
    alive rabbitmq || { tail -20 "$S/log/rabbitmq.stdout"; die "rabbitmq died"; }
    [ "$(date +%s)" -ge $end ] && die "rabbitmq not up"; sleep 0.5; done
  $R -q list_users 2>/dev/null | grep -q '^openstack' || $R -q add_user openstack "$PW" >/dev/null
  $R -q set_permissions openstack ".*" ".*" ".*" >/dev/null
  log "rabbitmq ready"
}

# ---------------------------------------------------------------- Placement
up_placement() {
  mkdir -p "$S/etc/placement"
  { cat <<EOF
[DEFAULT]
log_file = $S/log/placement-api.log
[api]
auth_strategy = keystone
[placement_database]
connection = $(DBURL placement)
EOF
  authtoken placement; policy; } > "$S/etc/placement/placement.conf"
  once placement || { placement-manage --config-file "$S/etc/placement/placement.conf" db sync >"$S/log/placement-manage.log" 2>&1 && done_ placement; }
  start_uwsgi placement 8778 4 /usr/bin/placement-api "OS_PLACEMENT_CONFIG_DIR=$S/etc/placement"
}

# ---------------------------------------------------------------- Neutron
up_neutron() {
  mkdir -p "$S/etc/neutron" "$S/lib/neutron" "$S/lock/neutron"
  cp /etc/neutron/api-paste.ini "$S/etc/neutron/"
  # ML2 mechanism driver that binds every port without an agent (see python/pp_bind_all_ports.py)
  mkdir -p "$S/pylib/pp_bind_all_ports-0.1.dist-info"
  cp "$HERE/python/pp_bind_all_ports.py" "$S/pylib/"
  printf 'Metadata-Version: 2.1\nName: pp-bind-all-ports\nVersion: 0.1\n' > "$S/pylib/pp_bind_all_ports-0.1.dist-info/METADATA"
  printf '[neutron.ml2.mechanism_drivers]\npp_bind_all_ports = pp_bind_all_ports:BindAllPortsMechanismDriver\n' > "$S/pylib/pp_bind_all_ports-0.1.dist-info/entry_points.txt"
  { cat <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = 9696
core_plugin = ml2
service_plugins = router
auth_strategy = keystone
transport_url = rabbit://openstack:$PW@127.0.0.1:5672/
api_workers = 1
rpc_workers = 1
rpc_state_report_workers = 0
dhcp_agent_notification = False
notify_nova_on_port_status_changes = True
notify_nova_on_port_data_changes = True
api_paste_config = $S/etc/neutron/api-paste.ini
state_path = $S/lib/neutron
log_file = $S/log/neutron-server.log
[database]
connection = $(DBURL neutron)
[oslo_concurrency]
lock_path = $S/lock/neutron
[agent]
root_helper = true
[ml2]
type_drivers = flat,vlan,vxlan
tenant_network_types = vxlan
mechanism_drivers = pp_bind_all_ports
extension_drivers = port_security
[ml2_type_flat]
flat_networks = public
[ml2_type_vxlan]
vni_ranges = 1:1000
[securitygroup]
enable_security_group = True
firewall_driver = noop
EOF
  authtoken neutron; echo "[nova]"; ksauth nova; policy; } > "$S/etc/neutron/neutron.conf"
  once neutron || { neutron-db-manage --config-file "$S/etc/neutron/neutron.conf" upgrade heads >"$S/log/neutron-db-manage.log" 2>&1 && done_ neutron; }
  start neutron-server env PYTHONPATH="$S/pylib" /usr/bin/neutron-server --config-file "$S/etc/neutron/neutron.conf"
}

# ---------------------------------------------------------------- Nova
up_nova() {
  mkdir -p "$S/etc/nova" "$S/lib/nova/instances" "$S/lock/nova"
  cp /usr/share/nova-common/api-paste.ini "$S/etc/nova/"
  cp "$HERE/python/pp_fake_virt.py" "$S/pylib/"
  # nova only loads compute drivers from the nova.virt package: extend its __path__
  cat > "$S/pylib/pp-nova-compute" <<EOF
#!/usr/bin/python3
import sys
import nova.virt
nova.virt.__path__.append('$S/pylib')
from nova.cmd.compute import main
sys.exit(main())
EOF
  chmod +x "$S/pylib/pp-nova-compute"
  # nova.conf: shared by all; nova-db.conf: only api/conductor/scheduler (compute must not see DBs)
  { cat <<EOF
[DEFAULT]
transport_url = rabbit://openstack:$PW@127.0.0.1:5672/
my_ip = 127.0.0.1
host = pp-compute
compute_driver = pp_fake_virt.SnapshotUploadingFakeDriver
# the fake hypervisor reports 1000 vCPUs, 800000 MB and 600000 GB; no overcommit, so a flavor above 800000 MB
# (within the project's quota) gets a real "No valid host was found"
cpu_allocation_ratio = 1.0
ram_allocation_ratio = 1.0
reserved_host_memory_mb = 0
state_path = $S/lib/nova
instances_path = $S/lib/nova/instances
enabled_apis = osapi_compute
osapi_compute_workers = 1
log_dir = $S/log
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = $S/etc/nova/api-paste.ini
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 2
[oslo_concurrency]
lock_path = $S/lock/nova
[oslo_messaging_notifications]
driver = noop
[vnc]
enabled = False
[glance]
region_name = RegionOne
[neutron]
service_metadata_proxy = False
EOF
  ksauth neutron
  echo "[placement]"; ksauth placement
  echo "[cinder]"; echo "os_region_name = RegionOne"; ksauth nova
  echo "[service_user]"; echo "send_service_user_token = True"; ksauth nova
  authtoken nova; policy; } > "$S/etc/nova/nova.conf"
  cat > "$S/etc/nova/nova-db.conf" <<EOF
[api_database]
connection = $(DBURL nova_api)
[database]
connection = $(DBURL nova)
EOF
  local NM="nova-manage --config-file $S/etc/nova/nova.conf --config-file $S/etc/nova/nova-db.conf"
  if ! once nova; then
    { $NM api_db sync && $NM cell_v2 map_cell0 &&
      { $NM cell_v2 list_cells | grep -q ' cell1 ' || $NM cell_v2 create_cell --name=cell1; } &&
      $NM db sync; } >"$S/log/nova-manage.out" 2>&1 || { tail -20 "$S/log/nova-manage.out"; die "nova db init failed"; }
    done_ nova; log "nova dbs initialised"
  fi
  start_uwsgi nova-api 8774 1 /usr/bin/nova-api-wsgi "OS_NOVA_CONFIG_DIR=$S/etc/nova" "OS_NOVA_CONFIG_FILES=api-paste.ini;nova.conf;nova-db.conf"
  local svc
  for svc in conductor scheduler; do
    start nova-$svc /usr/bin/nova-$svc --config-file "$S/etc/nova/nova.conf" --config-file "$S/etc/nova/nova-db.conf"
  done
  start nova-compute "$S/pylib/pp-nova-compute" --config-file "$S/etc/nova/nova.conf" --log-file "$S/log/nova-compute.log"
}

# ---------------------------------------------------------------- Cinder
up_cinder() {
  mkdir -p "$S/etc/cinder" "$S/lib/cinder" "$S/lock/cinder"
  cp /usr/share/cinder-common/api-paste.ini "$S/etc/cinder/"
  cp "$HERE/python/pp_fake_volume.py" "$S/pylib/"
  { cat <<EOF
[DEFAULT]
transport_url = rabbit://openstack:$PW@127.0.0.1:5672/
auth_strategy = keystone
my_ip = 127.0.0.1
host = pp-volume
osapi_volume_listen = 127.0.0.1
osapi_volume_listen_port = 8776
osapi_volume_workers = 1
enabled_backends = fake
state_path = $S/lib/cinder
log_dir = $S/log
api_paste_config = $S/etc/cinder/api-paste.ini
[database]
connection = $(DBURL cinder)
[oslo_concurrency]
lock_path = $S/lock/cinder
[fake]
volume_driver = pp_fake_volume.NoStorageVolumeDriver
volume_backend_name = fake
EOF
  authtoken cinder; echo "service_token_roles_required = True"
  echo "[service_user]"; echo "send_service_user_token = True"; ksauth cinder
  echo "[nova]"; ksauth nova; policy; } > "$S/etc/cinder/cinder.conf"
  once cinder || { cinder-manage --config-file "$S/etc/cinder/cinder.conf" db sync >"$S/log/cinder-manage.log" 2>&1 && done_ cinder; }
  start cinder-api env PYTHONPATH="$S/pylib" /usr/bin/cinder-api --config-file "$S/etc/cinder/cinder.conf"
  start cinder-scheduler env PYTHONPATH="$S/pylib" /usr/bin/cinder-scheduler --config-file "$S/etc/cinder/cinder.conf"
  start cinder-volume env PYTHONPATH="$S/pylib" $PY -c 'import sys; from cinder.cmd.volume import main; sys.exit(main())' \
    --config-file "$S/etc/cinder/cinder.conf" --log-file "$S/log/cinder-volume.log"
}

# ================================================================= main
log "level $LEVEL, state $S"
install_packages
up_mariadb
up_keystone
SPECS=()
[ "$LEVEL" -ge 2 ] && SPECS+=(glance:image:http://127.0.0.1:9292)
[ "$LEVEL" -ge 3 ] && SPECS+=(placement:placement:http://127.0.0.1:8778 nova:compute:http://127.0.0.1:8774/v2.1 neutron:network:http://127.0.0.1:9696)
[ "$LEVEL" -ge 4 ] && SPECS+=('cinder:volumev3:http://127.0.0.1:8776/v3/%(project_id)s' 'cinder:block-storage:http://127.0.0.1:8776/v3/%(project_id)s')
[ ${#SPECS[@]} -gt 0 ] && { register "${SPECS[@]}"; log "keystone catalog registered"; }
# start everything first, then wait: the python services import in parallel
[ "$LEVEL" -ge 3 ] && up_rabbit
[ "$LEVEL" -ge 2 ] && up_glance
[ "$LEVEL" -ge 3 ] && { up_placement; up_neutron; }
[ "$LEVEL" -ge 3 ] && wait_rabbit
[ "$LEVEL" -ge 3 ] && up_nova
[ "$LEVEL" -ge 4 ] && up_cinder
[ "$LEVEL" -ge 2 ] && wait_http glance-api http://127.0.0.1:9292/
[ "$LEVEL" -ge 3 ] && { wait_http placement http://127.0.0.1:8778/; wait_http neutron-server http://127.0.0.1:9696/; wait_http nova-api http://127.0.0.1:8774/; }
[ "$LEVEL" -ge 4 ] && wait_http cinder-api http://127.0.0.1:8776/
# readiness of the RPC services + seed data (flavors, image, networks) in one python process
OS_PASSWORD=$PW PP_OPENSTACK_STATE=$S PP_OPENSTACK_LEVEL=$LEVEL PP_OPENSTACK_SEED=${PP_OPENSTACK_SEED:-1} $PY -u "$HERE/python/wait_and_seed.py" 2>&1 | while read -r l; do log "$l"; done
[ "${PIPESTATUS[0]}" = 0 ] || die "readiness check failed"
log "OpenStack level $LEVEL is up. source $S/openrc  (or OS_CLIENT_CONFIG_FILE=$S/clouds.yaml, cloud 'package-pipeline-test')"
