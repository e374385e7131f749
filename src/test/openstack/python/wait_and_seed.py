#!/usr/bin/python3
"""Wait until the RPC-driven services are usable, then (optionally) create seed data.
Called by up.sh; idempotent. Env: OS_PASSWORD, PP_OPENSTACK_LEVEL, PP_OPENSTACK_SEED, PP_OPENSTACK_STATE."""
import io
import os
import subprocess
import sys
import time

import openstack

LEVEL = int(os.environ.get('PP_OPENSTACK_LEVEL', '4'))
SEED = os.environ.get('PP_OPENSTACK_SEED', '1') == '1'
S = os.environ.get('PP_OPENSTACK_STATE', '/tmp/package-pipeline-openstack')

conn = openstack.connect(auth_url='http://127.0.0.1:5000/v3', username='admin',
                         password=os.environ.get('OS_PASSWORD', 'secret'),
                         project_name='admin', user_domain_name='Default',
                         project_domain_name='Default', region_name='RegionOne',
                         compute_api_version='2.79')


def wait(what, fn, timeout=180):
    end = time.time() + timeout
    last = None
    while time.time() < end:
        try:
            if fn():
                print('%s ready' % what)
                return
        except Exception as e:  # service still starting
            last = e
        time.sleep(1)
    print('TIMEOUT waiting for %s (%s)' % (what, last))
    sys.exit(1)


if LEVEL >= 3:
    def compute_up():
        svcs = conn.compute.get('/os-services?binary=nova-compute').json()['services']
        return any(s['state'] == 'up' for s in svcs)
    wait('nova-compute', compute_up)
    wait('hypervisor', lambda: len(conn.compute.get('/os-hypervisors').json()['hypervisors']) > 0)
    subprocess.run(['nova-manage', '--config-file', S + '/etc/nova/nova.conf',
                    '--config-file', S + '/etc/nova/nova-db.conf',
                    'cell_v2', 'discover_hosts'], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # placement must know the compute node's inventory before scheduling works
    wait('placement inventory', lambda: len(list(conn.placement.resource_providers())) > 0)

if LEVEL >= 4:
    def volume_up():
        svcs = conn.block_storage.get('/os-services').json()['services']
        return any(s['binary'] == 'cinder-volume' and s['state'] == 'up' for s in svcs)
    wait('cinder-volume', volume_up)

if not SEED:
    sys.exit(0)

if LEVEL >= 4:
    conn.set_volume_quotas('admin', volumes=100, snapshots=100, gigabytes=100000)

if LEVEL >= 2 and not conn.image.find_image('cirros'):
    conn.image.create_image(name='cirros', disk_format='raw', container_format='bare',
                            visibility='public', data=io.BytesIO(b'\0' * 1048576))
    print('seeded image cirros')

if LEVEL >= 3:
    # room for the integration tests and the 10-server benchmark running side by side
    conn.set_compute_quotas('admin', instances=100, cores=200, ram=4096000, key_pairs=200)
    conn.set_network_quotas('admin', floatingip=100, security_group=200, security_group_rule=1000, port=200)
    for name, ram, vcpus, disk in (('m1.tiny', 512, 1, 1), ('m1.small', 2048, 1, 20)):
        if not conn.compute.find_flavor(name):
            conn.compute.create_flavor(name=name, ram=ram, vcpus=vcpus, disk=disk)
            print('seeded flavor', name)
    net = conn.network.find_network('private')
    if not net:
        net = conn.network.create_network(name='private')
        conn.network.create_subnet(network_id=net.id, name='private-subnet',
                                   ip_version=4, cidr='10.0.0.0/24')
        print('seeded network private 10.0.0.0/24')
    pub = conn.network.find_network('public')
    if not pub:
        pub = conn.network.create_network(name='public', is_router_external=True,
                                          provider_network_type='flat',
                                          provider_physical_network='public')
        conn.network.create_subnet(network_id=pub.id, name='public-subnet', ip_version=4,
                                   cidr='172.24.4.0/24', is_dhcp_enabled=False)
        print('seeded external network public 172.24.4.0/24')
    if not conn.network.find_router('router1'):
        r = conn.network.create_router(name='router1',
                                       external_gateway_info={'network_id': pub.id})
        sub = conn.network.find_subnet('private-subnet')
        conn.network.add_interface_to_router(r, subnet_id=sub.id)
        print('seeded router1 private<->public')
