namespace Provisioner.Core.Templates;

/// <summary>Parses a component's <c>health:</c> list: <c>http</c>, <c>sql</c> or <c>journey</c> entries.</summary>
internal static class HealthCheckParser
{
    public static IReadOnlyList<HealthCheckSpec> ParseAll(string component, YamlCursor health, IReadOnlySet<string> knownJourneys)
    {
        var checks = new List<HealthCheckSpec>();
        foreach (var item in health.Items())
        {
            item.OnlyKeys("http", "sql", "journey");
            var kinds = new[] { "http", "sql", "journey" }.Where(k => !item.Child(k).IsMissing).ToList();
            if (kinds.Count != 1)
            {
                item.Error("each check must have exactly one of: http, sql, journey");
                continue;
            }

            var check = kinds[0] switch
            {
                "http" => Http(component, item.Child("http")),
                "sql" => Sql(component, item.Child("sql")),
                _ => Journey(component, item.Child("journey"), knownJourneys),
            };
            if (check is not null)
            {
                checks.Add(check);
            }
        }

        return checks;
    }

    private static HealthCheckSpec? Http(string component, YamlCursor http)
    {
        http.OnlyKeys("path", "expect");
        var path = http.Child("path").String(required: true);
        if (path is not null && !path.StartsWith('/'))
        {
            http.Child("path").Error("must start with '/'");
        }

        var expect = http.Child("expect").Number() ?? 200;
        if (expect is < 100 or > 599)
        {
            http.Child("expect").Error("must be an HTTP status code (100-599)");
        }

        return path is null ? null : new HttpCheckSpec(component, path, (int)expect);
    }

    private static HealthCheckSpec? Sql(string component, YamlCursor sql)
    {
        if (sql.Node is YamlDotNet.RepresentationModel.YamlScalarNode)
        {
            var query = sql.String(required: true);
            return query is null ? null : new SqlCheckSpec(component, query, "postgres", "postgres");
        }

        sql.OnlyKeys("query", "database", "user");
        var q = sql.Child("query").String(required: true);
        var database = sql.Child("database").String() ?? "postgres";
        var user = sql.Child("user").String() ?? "postgres";
        return q is null ? null : new SqlCheckSpec(component, q, database, user);
    }

    private static HealthCheckSpec? Journey(string component, YamlCursor journey, IReadOnlySet<string> knownJourneys)
    {
        var name = journey.String(required: true);
        if (name is not null && !knownJourneys.Contains(name))
        {
            journey.Error($"unknown journey '{name}' (known: {string.Join(", ", knownJourneys.Order())})");
            return null;
        }

        return name is null ? null : new JourneyCheckSpec(component, name);
    }
}
