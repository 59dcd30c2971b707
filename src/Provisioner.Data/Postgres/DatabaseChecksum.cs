namespace Provisioner.Data.Postgres;

/// <summary>
/// One SQL statement that fingerprints every row of every table outside the system schemas: per table, the row count
/// and the sum of a 60-bit hash of each row's text (order-independent, no size limit); then an md5 over
/// "schema.table:count/sum" for all tables in name order. Same rows, same checksum.
/// </summary>
public static class DatabaseChecksum
{
    public const string Sql = """
        select coalesce(md5(string_agg(n || ':' || h, ',' order by n)), 'no-tables') from (
          select quote_ident(table_schema) || '.' || quote_ident(table_name) as n,
                 (xpath('/row/h/text()', query_to_xml(format(
                    'select count(*) || ''/'' || coalesce(sum((''x'' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0) as h from %I.%I t',
                    table_schema, table_name), false, true, '')))[1]::text as h
          from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')) x
        """;
}
