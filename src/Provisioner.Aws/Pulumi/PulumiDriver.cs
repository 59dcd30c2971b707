using System.ComponentModel;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Provisioner.Aws.Process;
using Provisioner.Aws.Pulumi.Errors;

namespace Provisioner.Aws.Pulumi;

/// <summary>
/// Runs the pulumi CLI the way Automation API does: argument lists through one <see cref="IProcessRunner"/>,
/// <c>--non-interactive</c> and <c>--cwd</c> on every call, backend and passphrase file from the environment,
/// streamed JSON events for up/destroy, and typed errors from stderr texts.
/// </summary>
internal sealed class PulumiDriver(IProcessRunner runner, PulumiOptions options, ILogger log, Func<string, string?>? locate = null)
{
    private readonly PulumiOptions _options = options.Validate();

    private readonly Func<string, string?> _locate = locate ?? (name => ExecutableLocator.Find(name));

    public PulumiOptions Options => _options;

    /// <summary>The same driver running pulumi in <paramref name="programDirectory"/> (a tenant's program folder).</summary>
    public PulumiDriver In(string programDirectory) => new(runner, _options with { ProgramDirectory = programDirectory }, log, _locate);

    /// <summary>Checks the CLI is there and new enough; throws <see cref="PulumiNotInstalledException"/> or <see cref="PulumiVersionException"/>.</summary>
    public async Task<Version> CheckVersionAsync(CancellationToken ct)
    {
        if (_locate(_options.Executable) is null)
        {
            throw new PulumiNotInstalledException(_options.Executable, _options.MinimumVersion);
        }

        var result = await RunAsync(PulumiArguments.Version(), null, null, ct);
        var version = PulumiVersion.Parse(result.Stdout);
        if (version is null || version < _options.MinimumVersion)
        {
            throw new PulumiVersionException(result.Stdout.Trim(), _options.MinimumVersion);
        }

        log.LogDebug("pulumi {Version} at {Executable}", version, _options.Executable);
        return version;
    }

    public Task SelectOrCreateStackAsync(string stack, CancellationToken ct) => RunAsync(PulumiArguments.SelectOrCreate(stack), stack, null, ct);

    /// <summary>
    /// The plain values in one <c>config set-all</c>; each secret in a <c>config set --secret KEY</c> of its own with the value
    /// on standard input, so that no secret is ever in a process's arguments (readable by any user in <c>/proc</c>).
    /// </summary>
    public async Task SetConfigAsync(string stack, IReadOnlyList<ConfigEntry> entries, CancellationToken ct)
    {
        log.LogInformation("Setting {Count} config value(s) on {Stack}: {Keys}", entries.Count, stack, string.Join(", ", entries.Select(e => e.Key)));
        var secrets = entries.Where(e => e.Secret).ToList();
        var redact = secrets.Select(e => e.Value).ToList();
        var plain = entries.Where(e => !e.Secret).ToList();
        if (plain.Count > 0)
        {
            await RunAsync(PulumiArguments.SetAll(stack, plain), stack, null, ct, redact);
        }

        foreach (var secret in secrets)
        {
            var (spec, result) = await ExecuteAsync(PulumiArguments.SetSecret(stack, secret.Key), null, redact, ct, stdin: secret.Value);
            ThrowIfFailed(spec, result, stack, null);
        }
    }

    public Task<UpdateSummary> UpAsync(string stack, Func<EngineEvent, Task>? onEvent, CancellationToken ct) =>
        StreamAsync(PulumiArguments.Up(stack), stack, onEvent, ct);

    public Task<UpdateSummary> DestroyAsync(string stack, Func<EngineEvent, Task>? onEvent, CancellationToken ct) =>
        StreamAsync(PulumiArguments.Destroy(stack), stack, onEvent, ct);

    public Task RefreshAsync(string stack, CancellationToken ct) => RunAsync(PulumiArguments.Refresh(stack), stack, null, ct);

    public Task RemoveStackAsync(string stack, CancellationToken ct) => RunAsync(PulumiArguments.RemoveStack(stack), stack, null, ct);

    /// <summary>The stack's outputs, or null when the stack does not exist.</summary>
    public async Task<StackOutputs?> GetOutputsAsync(string stack, CancellationToken ct)
    {
        try
        {
            var result = await RunAsync(PulumiArguments.Outputs(stack), stack, null, ct);
            return StackOutputs.Parse(result.Stdout);
        }
        catch (StackNotFoundException)
        {
            return null;
        }
    }

    private async Task<UpdateSummary> StreamAsync(IReadOnlyList<string> args, string stack, Func<EngineEvent, Task>? onEvent, CancellationToken ct)
    {
        var channel = Channel.CreateUnbounded<EngineEvent>(new UnboundedChannelOptions { SingleReader = true });
        var changes = new List<EngineEvent>();
        var errors = new List<string>();
        IReadOnlyDictionary<string, int> counts = new Dictionary<string, int>();
        var reader = Task.Run(
            async () =>
            {
                await foreach (var e in channel.Reader.ReadAllAsync(CancellationToken.None))
                {
                    if (e.Kind == "resOutputsEvent" && e.IsChange)
                    {
                        changes.Add(e);
                    }
                    else if (e.Kind == "summaryEvent")
                    {
                        counts = e.ResourceChanges;
                    }
                    else if (e is { Kind: "diagnosticEvent", Severity: "error", Message: { } m })
                    {
                        errors.Add(m);
                    }

                    if (onEvent is not null)
                    {
                        await onEvent(e);
                    }
                }
            },
            CancellationToken.None);
        ProcessSpec spec;
        ProcessResult result;
        try
        {
            (spec, result) = await ExecuteAsync(args, line =>
            {
                if (EngineEventParser.Parse(line) is { } e)
                {
                    channel.Writer.TryWrite(e);
                }
            }, [], ct);
        }
        finally
        {
            channel.Writer.TryComplete();
            await reader;
        }

        // With --json the engine reports resource errors as diagnostic events on stdout, so they join stderr in the error.
        ThrowIfFailed(spec, result, stack, string.Join('\n', errors));
        return new UpdateSummary(changes, counts);
    }

    private async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> args, string? stack, Action<string>? onLine, CancellationToken ct, IReadOnlyList<string>? redact = null)
    {
        var (spec, result) = await ExecuteAsync(args, onLine, redact ?? [], ct);
        ThrowIfFailed(spec, result, stack, null);
        return result;
    }

    private async Task<(ProcessSpec Spec, ProcessResult Result)> ExecuteAsync(
        IReadOnlyList<string> args, Action<string>? onLine, IReadOnlyList<string> redact, CancellationToken ct, string? stdin = null)
    {
        var spec = new ProcessSpec(_options.Executable, [.. args, .. PulumiArguments.Global(_options.ProgramDirectory)])
        {
            // Before the first apply the program folder may not exist yet (the version check runs first); a missing working
            // directory would make the start fail and read as "pulumi is not installed".
            WorkingDirectory = Directory.Exists(_options.ProgramDirectory) ? _options.ProgramDirectory : null,
            Environment = Environment(),
            OnStdoutLine = onLine,
            Redact = redact,
            StandardInput = stdin,
        };
        log.LogDebug("Running {Command}", spec.Display());
        try
        {
            return (spec, await runner.RunAsync(spec, ct));
        }
        catch (Win32Exception)
        {
            throw new PulumiNotInstalledException(_options.Executable, _options.MinimumVersion);
        }
    }

    private void ThrowIfFailed(ProcessSpec spec, ProcessResult result, string? stack, string? diagnostics)
    {
        if (result.Succeeded)
        {
            log.LogDebug("{Command} succeeded", spec.Display());
            return;
        }

        var error = PulumiErrorMapper.Map(spec, result, stack, _options.PassphraseFile, diagnostics);
        log.LogWarning("{Command} failed with exit code {ExitCode}: {Error}", spec.Display(), result.ExitCode, error.Message);
        throw error;
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["PULUMI_BACKEND_URL"] = _options.BackendUrl,
        ["PULUMI_CONFIG_PASSPHRASE_FILE"] = _options.PassphraseFile,
        ["PULUMI_SKIP_UPDATE_CHECK"] = "true",
    };
}
