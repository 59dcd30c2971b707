using Provisioner.Core.Errors;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Data;

/// <summary>The data adapters the composition root registered, by kind; also what the template validator accepts.</summary>
internal sealed class DataAdapters(IEnumerable<IDataAdapter> adapters)
{
    private readonly Dictionary<string, IDataAdapter> _byKind = adapters.ToDictionary(a => a.Rules.Name, StringComparer.Ordinal);

    public static DataAdapters None { get; } = new([]);

    public TemplateRules Rules => new(_byKind.Values.Select(a => a.Rules).ToList());

    public IDataAdapter For(DataSpec data) =>
        _byKind.TryGetValue(data.Kind, out var adapter)
            ? adapter
            : throw new ProvisionerException($"no data adapter for kind '{data.Kind}' (registered: {string.Join(", ", _byKind.Keys)})");
}
