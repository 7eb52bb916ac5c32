-- The official image authenticates TCP connections by password: give the API role one.
create role portal_read nologin;
create role portal_api login password 'portal_api' in role portal_read;
