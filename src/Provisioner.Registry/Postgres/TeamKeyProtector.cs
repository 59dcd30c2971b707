using Npgsql;
using Provisioner.Core.Errors;
using Provisioner.Core.Secrets;
using Provisioner.Registry.Secrets;

namespace Provisioner.Registry.Postgres;

/// <summary>
/// Secrets in a shared registry are encrypted with the team's key file (AES-GCM, as in the SQLite registry), never stored
/// in the database. The registry records only the key's one-way id; before its first use this client's key is checked
/// against it, so an operator without the team's key is told to copy it instead of writing secrets only they can read.
/// </summary>
internal sealed class TeamKeyProtector(string keyFile, PostgresDatabase db) : ISecretProtector
{
    private const string MetaKey = "secret_key_id";

    private readonly Lazy<AesGcmSecretProtector> _checked = new(() => Check(keyFile, db), LazyThreadSafetyMode.PublicationOnly);

    public byte[] Protect(byte[] plaintext, string context) => _checked.Value.Protect(plaintext, context);

    public byte[] Unprotect(byte[] ciphertext, string context) => _checked.Value.Unprotect(ciphertext, context);

    /// <summary>Checks the key now (an import does, before it writes secrets encrypted with it).</summary>
    public string Verify() => _checked.Value.KeyId;

    private static AesGcmSecretProtector Check(string keyFile, PostgresDatabase db)
    {
        var recorded = db.RunAsync(c => ReadAsync(c), CancellationToken.None).GetAwaiter().GetResult();
        if (recorded is not null && !File.Exists(keyFile))
        {
            throw new ProvisionerException(
                $"the registry at {db.Location.Display} keeps secrets encrypted with the team's key (id {recorded}), and {keyFile} does not exist",
                ExitCodes.BadInput, "copy the team's secret.key there (mode 0600); it is never stored in the registry");
        }

        var protector = new AesGcmSecretProtector(keyFile);
        var mine = protector.KeyId;
        recorded ??= db.RunAsync(c => RecordAsync(c, mine), CancellationToken.None).GetAwaiter().GetResult();
        return recorded == mine
            ? protector
            : throw new ProvisionerException(
                $"{keyFile} (key id {mine}) is not the key the registry at {db.Location.Display} encrypts secrets with (id {recorded})",
                ExitCodes.BadInput, "copy the team's secret.key over it (keep this one if it encrypted anything)");
    }

    private static async Task<string?> ReadAsync(NpgsqlConnection c)
    {
        await using var cmd = PostgresDatabase.Command(c, "select value from registry_meta where key = @k", ("k", MetaKey));
        return (string?)await cmd.ExecuteScalarAsync();
    }

    /// <summary>The first client to use a key records its id; a client racing it reads the winner's.</summary>
    private static async Task<string> RecordAsync(NpgsqlConnection c, string id)
    {
        await using (var cmd = PostgresDatabase.Command(c, "insert into registry_meta (key, value) values (@k, @v) on conflict (key) do nothing", ("k", MetaKey), ("v", id)))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        return (await ReadAsync(c))!;
    }
}
