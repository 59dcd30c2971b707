namespace Provisioner.Docker.Engine;

/// <summary>
/// The <c>filters</c> of Docker.DotNet's list parameters: filter name → accepted values. The engine AND-s labels,
/// and matches names as a substring (callers compare the names it returns exactly).
/// </summary>
internal static class EngineFilters
{
    /// <summary>Resources carrying a label: <c>key</c> (any value) or <c>key=value</c>.</summary>
    public static IDictionary<string, IDictionary<string, bool>> Label(string label) => Of("label", label);

    /// <summary>Resources whose name contains <paramref name="name"/>.</summary>
    public static IDictionary<string, IDictionary<string, bool>> Name(string name) => Of("name", name);

    /// <summary>Containers publishing host port <paramref name="port"/> (TCP).</summary>
    public static IDictionary<string, IDictionary<string, bool>> Publishing(int port) =>
        Of("publish", port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/tcp");

    private static Dictionary<string, IDictionary<string, bool>> Of(string filter, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return new() { [filter] = new Dictionary<string, bool> { [value] = true } };
    }
}
