using System.Globalization;
using System.Text;

namespace Provisioner.Docker.Engine;

/// <summary>Builds a URL query string; every name and value is percent-encoded.</summary>
internal sealed class QueryString
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public QueryString Add(string name, string? value)
    {
        if (value is not null)
        {
            _pairs.Add(new(name, value));
        }

        return this;
    }

    public QueryString Add(string name, bool value) => Add(name, value ? "1" : "0");

    public QueryString Add(string name, long? value) =>
        value is { } v ? Add(name, v.ToString(CultureInfo.InvariantCulture)) : this;

    /// <summary>Adds <c>filters=</c> unless the filters are null or empty.</summary>
    public QueryString Add(DockerFilters? filters) =>
        filters is { IsEmpty: false } ? Add("filters", filters.ToJson()) : this;

    /// <summary>The query including the leading <c>?</c>, or an empty string.</summary>
    public override string ToString()
    {
        if (_pairs.Count == 0)
        {
            return "";
        }

        var builder = new StringBuilder("?");
        foreach (var (name, value) in _pairs)
        {
            if (builder.Length > 1)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }
}
