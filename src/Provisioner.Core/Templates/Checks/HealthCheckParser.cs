namespace Provisioner.Core.Templates;

/// <summary>Parses a component's <c>health:</c> list: <c>http</c>, <c>tcp</c>, <c>exec</c>, <c>sql</c> or <c>journey</c> entries.</summary>
internal static class HealthCheckParser
{
    private static readonly string[] Kinds = ["http", "tcp", "exec", "sql", "journey"];

    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    public static IReadOnlyList<HealthCheckSpec> ParseAll(string component, YamlCursor health)
    {
        var checks = new List<HealthCheckSpec>();
        foreach (var item in health.Items())
        {
            item.OnlyKeys(Kinds);
            var kinds = Kinds.Where(k => !item.Child(k).IsMissing).ToList();
            if (kinds.Count != 1)
            {
                item.Error($"each check must have exactly one of: {string.Join(", ", Kinds)}");
                continue;
            }

            var body = item.Child(kinds[0]);
            var check = kinds[0] switch
            {
                "http" => Http(component, body),
                "tcp" => Tcp(component, body),
                "exec" => Exec(component, body),
                "sql" => Sql(component, body),
                _ => body.String(required: true) is { } journey ? new JourneyCheckSpec(component, journey) : null,
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
        http.OnlyKeys("method", "path", "expect", "contains", "json");
        var method = (http.Child("method").String() ?? "GET").ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            http.Child("method").Error($"'{method}' is not an HTTP method ({string.Join(", ", Methods)})");
        }

        var path = http.Child("path").String(required: true);
        if (path is not null && !path.StartsWith('/'))
        {
            http.Child("path").Error("must start with '/'");
        }

        var expect = Status(http.Child("expect")) ?? 200;
        var json = http.Child("json");
        string? jsonPath = null, jsonEquals = null;
        if (!json.IsMissing)
        {
            var pairs = json.StringMap();
            if (pairs.Count != 1)
            {
                json.Error("must be one JSON path and the value it must equal, e.g. { $.status: ok }");
            }
            else
            {
                (jsonPath, jsonEquals) = pairs.First();
                if (Journeys.JsonPath.Problem(jsonPath) is { } problem)
                {
                    json.Child(jsonPath).Error(problem);
                }
            }
        }

        return path is null ? null : new HttpCheckSpec(component, method, path, expect, http.Child("contains").String(), jsonPath, jsonEquals);
    }

    internal static int? Status(YamlCursor cursor)
    {
        var expect = cursor.Number();
        if (expect is null)
        {
            return null;
        }

        if (expect is < 100 or > 599 || expect % 1 != 0)
        {
            cursor.Error("must be an HTTP status code (100-599)");
            return null;
        }

        return (int?)expect;
    }

    private static HealthCheckSpec? Tcp(string component, YamlCursor tcp)
    {
        var port = tcp.Node is YamlDotNet.RepresentationModel.YamlMappingNode ? ComponentParser.Port(tcp.Child("port")) : ComponentParser.Port(tcp);
        if (tcp.Node is YamlDotNet.RepresentationModel.YamlMappingNode)
        {
            tcp.OnlyKeys("port");
        }

        if (port is null && !tcp.IsMissing)
        {
            tcp.Error("needs a port: tcp: 6379");
        }

        return port is null ? null : new TcpCheckSpec(component, port.Value);
    }

    private static HealthCheckSpec? Exec(string component, YamlCursor exec)
    {
        var isList = exec.Node is YamlDotNet.RepresentationModel.YamlSequenceNode;
        if (!isList)
        {
            exec.OnlyKeys("command", "expect");
        }

        var commandCursor = isList ? exec : exec.Child("command");
        var command = commandCursor.StringList();
        if (command.Count == 0)
        {
            commandCursor.Error("must be a non-empty list, e.g. [\"redis-cli\", \"ping\"]");
            return null;
        }

        return new ExecCheckSpec(component, command, isList ? null : exec.Child("expect").String());
    }

    private static HealthCheckSpec? Sql(string component, YamlCursor sql)
    {
        if (sql.Node is YamlDotNet.RepresentationModel.YamlScalarNode)
        {
            var query = sql.String(required: true);
            return query is null ? null : new SqlCheckSpec(component, query, null, null);
        }

        sql.OnlyKeys("query", "expect", "database");
        var q = sql.Child("query").String(required: true);
        return q is null ? null : new SqlCheckSpec(component, q, sql.Child("expect").String(), sql.Child("database").String());
    }
}
