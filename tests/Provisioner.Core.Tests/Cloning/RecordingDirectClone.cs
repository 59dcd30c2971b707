using Provisioner.Core.Backups;
using Provisioner.Core.Cloning;
using Provisioner.Core.Data;
using Provisioner.Core.Health;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Cloning;

/// <summary>An <see cref="IDirectClone"/> that records its calls into the test's list and supports what it is told to.</summary>
internal sealed class RecordingDirectClone(List<string> calls, bool supports) : IDirectClone
{
    public bool Supports(ProductTemplate template) => supports;

    public Task<IDirectCloneCopy> BeginAsync(string source, string name, bool mask, IProgress<string>? progress, CancellationToken ct)
    {
        calls.Add($"begin {source} -> {name}");
        return Task.FromResult<IDirectCloneCopy>(new Copy(calls, source, name, mask));
    }

    public Task<RestoreResult> SwapAsync(string name, SourceCopy copy, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        calls.Add($"swap {name}");
        var info = new BackupInfo($"direct-from-{copy.Tenant}", name, "clone", copy.Set.Template, copy.Set.TakenAt, copy.Set.Bytes, true, "", copy.Set.Entries);
        return Task.FromResult(new RestoreResult(name, info, ["app", "db"], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), false, new HealthReport(true, [], 1, TimeSpan.Zero, null)));
    }

    private sealed class Copy(List<string> calls, string source, string name, bool mask) : IDirectCloneCopy
    {
        public Task<SourceCopy> StageAsync(CancellationToken ct)
        {
            calls.Add($"stage {source} -> {name} mask={mask}");
            var set = new BackupSet("", source, "notes@1.1.0", DateTimeOffset.UnixEpoch, [new BackupEntry("db", "postgres", "", 42, "manifest-sum")]);
            return Task.FromResult(new SourceCopy(source, set, [], TimeSpan.Zero, SourceCopy.Physical));
        }

        public ValueTask DisposeAsync()
        {
            calls.Add($"release {source}");
            return ValueTask.CompletedTask;
        }
    }
}
