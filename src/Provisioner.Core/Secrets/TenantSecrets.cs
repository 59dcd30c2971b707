using System.Text.Json;

namespace Provisioner.Core.Secrets;

/// <summary>A tenant's secret values by name. Never printed: <see cref="ToString"/> shows names only.</summary>
public sealed class TenantSecrets(IReadOnlyDictionary<string, string> values)
{
    public static TenantSecrets Empty { get; } = new(new Dictionary<string, string>());

    public IReadOnlyCollection<string> Names => values.Keys.ToList();

    public string this[string name] =>
        values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"no secret named '{name}'");

    public bool Contains(string name) => values.ContainsKey(name);

    /// <summary>The value of <paramref name="name"/>, or null when there is none.</summary>
    public string? Find(string name) => values.TryGetValue(name, out var v) ? v : null;

    /// <summary>These secrets with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public TenantSecrets With(string name, string value) => new(new Dictionary<string, string>(values) { [name] = value });

    /// <summary>These secrets without <paramref name="name"/>.</summary>
    public TenantSecrets Without(string name)
    {
        var all = new Dictionary<string, string>(values);
        all.Remove(name);
        return new TenantSecrets(all);
    }

    /// <summary>Returns these secrets plus a freshly generated value for every name in <paramref name="required"/> that is missing.</summary>
    public TenantSecrets WithGenerated(IEnumerable<string> required)
    {
        var all = new Dictionary<string, string>(values);
        foreach (var name in required.Where(n => !all.ContainsKey(n)))
        {
            all[name] = SecretGenerator.New();
        }

        return new TenantSecrets(all);
    }

    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>(values), SecretsJson.Default.DictionaryStringString);

    /// <summary>Decrypts and reads secrets stored by <see cref="Seal"/> for <paramref name="tenant"/>.</summary>
    public static TenantSecrets Open(ISecretProtector protector, byte[] encrypted, string tenant) => Deserialize(protector.Unprotect(encrypted, tenant));

    /// <summary>These secrets encrypted for <paramref name="tenant"/> (bound to its name).</summary>
    public byte[] Seal(ISecretProtector protector, string tenant) => protector.Protect(Serialize(), tenant);

    public static TenantSecrets Deserialize(byte[] json) =>
        json.Length == 0 ? Empty : new TenantSecrets(JsonSerializer.Deserialize(json, SecretsJson.Default.DictionaryStringString) ?? []);

    public override string ToString() => $"TenantSecrets({string.Join(", ", values.Keys)})";
}
