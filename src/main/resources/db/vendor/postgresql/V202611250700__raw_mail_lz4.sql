-- PostgreSQL only (db/vendor/postgresql; the embedded H2 default has no choice of compression).
-- A stored raw mail is written once and read back once or twice; PostgreSQL's default compression, pglz, costs
-- about four times the CPU of lz4 for that (0.38 against 0.09 ms a mail of the bench's mix) and saves no space on
-- mail that is mostly base64. lz4 applies to rows written from now on; older rows stay readable as they are. A
-- server built without lz4 keeps the default.
do $$
begin
    alter table inbound_message alter column raw set compression lz4;
exception when feature_not_supported or invalid_parameter_value then
    raise notice 'lz4 is not available on this server: raw mail keeps the default compression';
end
$$;
