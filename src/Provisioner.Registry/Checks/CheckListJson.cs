using System.Text.Json;
using System.Text.Json.Serialization;
using Provisioner.Core.Health;

namespace Provisioner.Registry.Checks;

/// <summary>
/// A check result's per-check outcomes as the registry keeps them (column <c>checks</c>, both stores): a JSON array of
/// <c>{name, status, latencyMs, output}</c>, the output cut to <see cref="MaxOutput"/> characters.
/// </summary>
internal static partial class CheckListJson
{
    public const int MaxOutput = 500;

    private sealed record Item(string Name, string Status, double LatencyMs, string Output);

    /// <summary>Generated at build time (the native binary has no run-time serializer code).</summary>
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(List<Item>))]
    private sealed partial class Context : JsonSerializerContext;

    public static string Write(IReadOnlyList<CheckOutcome> checks) =>
        JsonSerializer.Serialize(
            checks.Select(c => new Item(c.Name, c.Status, Math.Round(c.Duration.TotalMilliseconds, 3), c.Output.Length > MaxOutput ? c.Output[..MaxOutput] : c.Output)).ToList(),
            Context.Default.ListItem);

    public static IReadOnlyList<CheckOutcome> Read(string json) =>
        (JsonSerializer.Deserialize(json, Context.Default.ListItem) ?? [])
        .Select(i => new CheckOutcome(i.Name, i.Status, i.Output, TimeSpan.FromMilliseconds(i.LatencyMs)))
        .ToList();
}
