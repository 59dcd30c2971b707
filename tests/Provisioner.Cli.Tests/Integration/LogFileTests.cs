using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration;

/// <summary>The daily log file of the real binary: CLEF (one compact JSON event per line) with the operation's properties, owner-only.</summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class LogFileTests(EngineFixture engine)
{
    [Fact]
    public async Task Tenant_ProvisionAndDestroy_LogFileIsClefWithTenantOperationStepBackend()
    {
        var cli = engine.Cli();
        var name = engine.Tenant("logs");

        var provisioned = await cli.RunAsync("tenant", name);
        Assert.True(provisioned.ExitCode == 0, provisioned.ToString());
        var destroyed = await cli.RunAsync("destroy", name, "--yes", "--delete-data");
        Assert.True(destroyed.ExitCode == 0, destroyed.ToString());

        var file = Assert.Single(Directory.GetFiles(Path.Combine(cli.Home, "logs")));
        Assert.Matches(@"provision-\d{8}\.clef$", file);
        var events = new List<JsonElement>();
        foreach (var (line, number) in (await File.ReadAllLinesAsync(file)).Select((l, i) => (l, i + 1)))
        {
            using var doc = JsonDocument.Parse(line); // every line is one JSON object: throws (and fails) otherwise
            Assert.True(doc.RootElement.ValueKind == JsonValueKind.Object, $"line {number} is not a JSON object: {line}");
            Assert.True(doc.RootElement.TryGetProperty("@t", out _), $"line {number} has no @t: {line}");
            Assert.True(doc.RootElement.TryGetProperty("@mt", out _), $"line {number} has no @mt: {line}");
            events.Add(doc.RootElement.Clone());
        }

        var ofTenant = events.Where(e => Text(e, "Tenant") == name).ToList();
        Assert.NotEmpty(ofTenant);
        Assert.All(ofTenant, e => Assert.Equal("docker", Text(e, "Backend")));

        // Both operations (provision, destroy) are named by their journal ids, and journaled steps by name.
        var operations = ofTenant.Where(e => e.TryGetProperty("Operation", out var o) && o.ValueKind == JsonValueKind.Number)
            .Select(e => e.GetProperty("Operation").GetInt64()).Distinct().ToList();
        Assert.Equal(2, operations.Count);
        var steps = ofTenant.Select(e => Text(e, "Step")).OfType<string>().ToHashSet();
        Assert.Contains("create container", steps);
        Assert.Contains("health", steps);
        Assert.Contains("remove", steps);
        Assert.All(ofTenant.Where(e => Text(e, "Step") is not null), e => Assert.True(e.TryGetProperty("Operation", out _), $"a step outside an operation: {e}"));

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        }
    }

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
