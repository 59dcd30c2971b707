namespace Provisioner.Core.Upgrades;

/// <summary>
/// One SQL statement that hashes every row of every table outside the system schemas: md5 over
/// "schema.table:md5(rows in text order)" for all tables in name order. Same rows, same checksum.
/// </summary>
public static class DatabaseChecksum
{
    public const string Sql = """
        select coalesce(md5(string_agg(n || ':' || h, ',' order by n)), 'no-tables') from (
          select quote_ident(table_schema) || '.' || quote_ident(table_name) as n,
                 (xpath('/row/h/text()', query_to_xml(format(
                    'select md5(coalesce(string_agg(t::text, %L order by t::text), %L)) as h from %I.%I t',
                    '|', '', table_schema, table_name), false, true, '')))[1]::text as h
          from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')) x
        """;
}
