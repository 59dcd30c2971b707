using Provisioner.Core.Data;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Fakes;

/// <summary>
/// A data adapter for one of the test templates' data kinds (its <see cref="Rules"/> are <see cref="TestTemplates.Rules"/>' own).
/// A backup writes a small file at the path and returns the scripted <see cref="Checksum"/>; a restore checks the file is
/// there with the checksum the set recorded. Both can be told to fail, and both are recorded (in a call list that may be
/// shared with the backend's, so a test sees their order). Like a real adapter it refuses to copy data that could change
/// under it: on an <see cref="InMemoryBackend"/>, a server's data only while the server runs, other data only while its
/// component is stopped.
/// </summary>
internal sealed class FakeDataAdapter(string kind, bool servesData, List<string>? calls = null) : IDataAdapter
{
    public DataKindRules Rules { get; } = TestTemplates.Rules.DataKind(kind) ?? throw new ArgumentException($"the test rules have no data kind '{kind}'", nameof(kind));

    public bool ServesData => servesData;

    public string Extension { get; } = kind == "postgres" ? ".sql.gz" : ".tar";

    /// <summary><c>backup acme db</c>, <c>restore acme web</c>, ...</summary>
    public List<string> Calls { get; } = calls ?? [];

    /// <summary>Every restore: the data component, the file it was restored from and the checksum it had to match.</summary>
    public List<(string Tenant, string Component, string File, string Checksum)> Restores { get; } = [];

    public long Size { get; set; } = 4096;

    /// <summary>The live data's checksum, which a backup returns.</summary>
    public string Checksum { get; set; } = $"sha256:{kind}-1";

    /// <summary>A backup throws this (after its target was recorded), leaving no file.</summary>
    public Exception? BackupError { get; set; }

    /// <summary>A restore throws this (after its target was recorded), leaving the live data as it was.</summary>
    public Exception? RestoreError { get; set; }

    public Task<long> SizeAsync(DataTarget target, CancellationToken ct) => Task.FromResult(Size);

    public Task<string> ChecksumAsync(DataTarget target, CancellationToken ct) => Task.FromResult(Checksum);

    // Synchronous file access on purpose: the work then only ever waits on the fake clock, so a test drives it deterministically.
    public Task<string> BackupAsync(DataTarget target, string path, CancellationToken ct)
    {
        Calls.Add($"backup {target.Tenant} {target.Component.Name}");
        if ((Refusal(target, "back up") ?? BackupError) is { } error)
        {
            return Task.FromException<string>(error);
        }

        File.WriteAllText(path, $"{target}: {Checksum}");
        return Task.FromResult(Checksum);
    }

    public Task RestoreAsync(DataTarget target, string path, string expectedChecksum, CancellationToken ct)
    {
        Calls.Add($"restore {target.Tenant} {target.Component.Name}");
        Restores.Add((target.Tenant, target.Component.Name, path, expectedChecksum));
        if ((Refusal(target, "restore") ?? RestoreError) is { } error)
        {
            return Task.FromException(error);
        }

        if (!File.Exists(path))
        {
            return Task.FromException(new FileNotFoundException($"no backup file {path}", path));
        }

        return File.ReadAllText(path).EndsWith(": " + expectedChecksum, StringComparison.Ordinal)
            ? Task.CompletedTask
            : Task.FromException(new InvalidDataException($"{path} does not have checksum {expectedChecksum}: the live data was left as it is"));
    }

    /// <summary>Why the data cannot be copied now, as a real adapter would fail (null when it can).</summary>
    private Exception? Refusal(DataTarget target, string what)
    {
        if (target.Backend is not InMemoryBackend memory)
        {
            return null;
        }

        var running = memory.IsRunning(target.Tenant, target.Component.Name);
        return (servesData, running) switch
        {
            (true, false) => new InvalidOperationException($"cannot {what} {target}: its server is not running"),
            (false, true) => new InvalidOperationException($"cannot {what} {target}: it is still running and could write during the copy"),
            _ => null,
        };
    }
}
