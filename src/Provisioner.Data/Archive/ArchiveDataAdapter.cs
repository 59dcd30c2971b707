using System.Globalization;
using Provisioner.Core.Backends;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;

namespace Provisioner.Data.Archive;

/// <summary>
/// A volume of files (<c>data: { kind: archive, path: /srv/uploads }</c>): archived as <c>.tar.gz</c> by a command run
/// with the volume mounted (its writers are stopped, the owning component included), verified by recomputing the
/// files' checksum from the archive. A restore unpacks into a staging folder inside the volume, checks it against the
/// checksum taken at backup time, and only then swaps it in.
/// </summary>
internal sealed class ArchiveDataAdapter : IDataAdapter, IStagedRestore
{
    public DataKindRules Rules { get; } = new("archive", new HashSet<string> { "path" }, new HashSet<string>(), PathSetting: "path", Queryable: false);

    public bool ServesData => false;

    public string Extension => ".tar.gz";

    public async Task<long> SizeAsync(DataTarget target, CancellationToken ct) =>
        long.Parse((await RunAsync(target, ArchiveScripts.Size, "measure", null, null, ct)).Trim(), CultureInfo.InvariantCulture);

    public async Task<string> ChecksumAsync(DataTarget target, CancellationToken ct) =>
        (await RunAsync(target, ArchiveScripts.Checksum, "checksum", null, null, ct)).Trim();

    public Task<string> BackupAsync(DataTarget target, string path, CancellationToken ct) => VerifiedFile.WriteAsync(
        path,
        file => RunAsync(target, ArchiveScripts.Pack, "archive", null, file, ct),
        async partial =>
        {
            var live = await ChecksumAsync(target, ct);
            var archived = await ArchiveChecksum.OfAsync(partial, ct);
            return archived == live
                ? live
                : throw new ProvisionerException(
                    $"archive of {target} does not match its files (archived {archived}, live {live})", hint: "the files changed while they were archived; retry");
        },
        ct);

    public async Task RestoreAsync(DataTarget target, string path, string expectedChecksum, CancellationToken ct)
    {
        await StageAsync(target, path, expectedChecksum, ct);
        await SwapAsync(target, ct);
    }

    public async Task StageAsync(DataTarget target, string path, string expectedChecksum, CancellationToken ct)
    {
        string unpacked;
        try
        {
            await using var file = File.OpenRead(path);
            unpacked = (await RunAsync(target, ArchiveScripts.Unpack, "unpack", file, null, ct)).Trim();
        }
        catch (ProvisionerException e)
        {
            await DiscardAsync(target, CancellationToken.None);
            throw new ProvisionerException(
                $"{e.Message}; the live files were left as they are", hint: $"the backup file may be damaged; keep {path} for inspection and restore from another backup");
        }

        if (unpacked != expectedChecksum)
        {
            await DiscardAsync(target, CancellationToken.None);
            throw new ProvisionerException(
                $"the unpacked copy of {Path.GetFileName(path)} does not match the checksum taken when it was made (unpacked {unpacked}, expected {expectedChecksum}); the live files were left as they are",
                hint: $"the backup file may be damaged; keep {path} for inspection and restore from another backup");
        }
    }

    public Task SwapAsync(DataTarget target, CancellationToken ct) => RunAsync(target, ArchiveScripts.Swap, "swap in the restored files", null, null, ct);

    public Task DiscardAsync(DataTarget target, CancellationToken ct) => RunAsync(target, ArchiveScripts.Discard, "discard the staged copy", null, null, ct);

    private static async Task<string> RunAsync(
        DataTarget target, Func<string, IReadOnlyList<string>> script, string what, Stream? stdin, Stream? stdout, CancellationToken ct)
    {
        var access = target.Backend.Require<IVolumeAccess>("mount a tenant's volume for a file archive");
        var mount = target.Data["path"]!;
        var volume = target.Component.VolumeAt(mount) ?? throw new ProvisionerException($"{target.Component.Name} has no volume at {mount}");
        var result = await access.RunWithVolumeAsync(
            target.Tenant, target.Component.Image, StampNames.Volume(target.Tenant, target.Component.Name, volume), mount, script(mount), stdin, stdout, ct);
        return result.Succeeded
            ? result.Stdout
            : throw new ProvisionerException($"{what} of {target} failed (exit {result.ExitCode}): {result.Stderr.Trim()}");
    }
}
