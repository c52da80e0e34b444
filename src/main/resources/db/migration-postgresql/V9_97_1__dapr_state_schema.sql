-- PostgreSQL only: the schema of the Dapr state store's tables (dapr/components/statestore.yaml,
-- tableName dapr.dapr_state and metadataTableName dapr.dapr_metadata). The sidecar creates the tables
-- but not the schema; they must stay out of public, where Flyway would refuse to start on a schema that
-- holds tables and no history table. A sidecar that starts before this migration has run fails to load
-- the state store, exits, and succeeds when the kubelet restarts it.
create schema if not exists dapr;
