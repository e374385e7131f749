#!/usr/bin/python3
"""Idempotently register service users, services and endpoints in Keystone.
usage: python/register_services.py name:type:url [name:type:url ...]
For each: creates user <name> (password from OS_SERVICE_PASSWORD, default 'secret'),
grants admin on project 'service', creates service and public/internal/admin endpoints."""
import os, sys
from keystoneauth1.identity import v3
from keystoneauth1 import session
from keystoneclient.v3 import client

auth = v3.Password(auth_url=os.environ.get('OS_AUTH_URL', 'http://127.0.0.1:5000/v3'),
                   username='admin', password=os.environ.get('OS_PASSWORD', 'secret'),
                   project_name='admin', user_domain_id='default', project_domain_id='default')
ks = client.Client(session=session.Session(auth=auth))
pw = os.environ.get('OS_SERVICE_PASSWORD', 'secret')
region = os.environ.get('OS_REGION_NAME', 'RegionOne')
proj = {p.name: p for p in ks.projects.list()}
if 'service' not in proj:
    proj['service'] = ks.projects.create('service', 'default', description='Service project')
if 'demo' not in proj:
    proj['demo'] = ks.projects.create('demo', 'default', description='Demo project')
roles = {r.name: r for r in ks.roles.list()}
admin_role = roles['admin']
users = {u.name: u for u in ks.users.list()}
services = {s.type: s for s in ks.services.list()}
endpoints = ks.endpoints.list()
for spec in sys.argv[1:]:
    name, stype, url = spec.split(':', 2)
    u = users.get(name) or ks.users.create(name, domain='default', password=pw)
    users[name] = u
    ks.roles.grant(admin_role, user=u, project=proj['service'])
    if name == 'nova' or name == 'cinder':
        # services talking to each other on behalf of users need the service role too
        svc_role = roles.get('service') or ks.roles.create('service')
        roles['service'] = svc_role
        ks.roles.grant(svc_role, user=u, project=proj['service'])
    s = services.get(stype) or ks.services.create(name, stype)
    services[stype] = s
    have = {e.interface for e in endpoints if e.service_id == s.id}
    for itf in ('public', 'internal', 'admin'):
        if itf not in have:
            ks.endpoints.create(s, url, interface=itf, region=region)
    print('registered', name, stype, url)
