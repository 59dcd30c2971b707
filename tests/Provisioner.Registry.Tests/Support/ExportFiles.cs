namespace Provisioner.Registry.Tests.Support;

/// <summary>Hand-written export files (JSON lines), for import tests and to plant rows a dead process would have left.</summary>
public static class ExportFiles
{
    public const string Header = """{"type":"provision-registry","version":1,"exportedAt":"2026-11-22T09:30:00+00:00","store":"sqlite","keyId":null}""";

    /// <summary>A file holding just <paramref name="operations"/> (operation lines).</summary>
    public static string With(params string[] operations) =>
        string.Join('\n', [Header, .. operations, $$"""{"type":"end","tenants":0,"operations":{{operations.Length}},"snapshots":0}"""]) + "\n";

    /// <summary>An operation still marked running, as a process killed mid-way leaves it: its first step done, its second running.</summary>
    public static string RunningOperation(string tenant, int pid) =>
        $$"""
        {"type":"operation","tenant":"{{tenant}}","kind":"provision","status":"running","detail":"notes@1.1.0 size=small","pid":{{pid}},"startedAt":"2026-11-22T09:30:00+00:00","finishedAt":null,"error":null,"steps":[{"seq":1,"name":"reserve","status":"done","detail":"secrets and entry port","startedAt":"2026-11-22T09:30:00+00:00","finishedAt":"2026-11-22T09:30:01+00:00"},{"seq":2,"name":"create container","status":"running","detail":"t-{{tenant}}-db","startedAt":"2026-11-22T09:30:01+00:00","finishedAt":null}]}
        """;
}
