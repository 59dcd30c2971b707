using System.Diagnostics;

namespace Provisioner.Cli.Tests.Support;

/// <summary>Runs the real <c>provision</c> binary (as a separate process) against one state folder.</summary>
public sealed class ProvisionCli
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "provision.dll");

    /// <summary>
    /// The binary users run (<c>make build</c>'s <c>.build/provision/provision</c>, native or ReadyToRun), named by
    /// <c>$PROVISIONER_TEST_BINARY</c> (tests/run-all.sh sets it); without it, this build's <c>provision.dll</c> on <c>dotnet</c>.
    /// </summary>
    private static readonly string? Binary = Environment.GetEnvironmentVariable("PROVISIONER_TEST_BINARY") is { Length: > 0 } b ? b : null;

    /// <summary>
    /// The <c>dotnet</c> this test process finds on its PATH, by full path: <c>env</c> (below) would look it up on the
    /// child's PATH, which some tests narrow (to hide <c>pulumi</c>, say).
    /// </summary>
    private static readonly string Dotnet = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, "dotnet"))
        .FirstOrDefault(File.Exists) ?? "dotnet";

    /// <summary>The last slice of ports handed out in this test process; starts at a random slice (other suites run beside this one).</summary>
    private static int _slice = Random.Shared.Next(0, Slices);

    private const int Slices = 89;
    private readonly IReadOnlyDictionary<string, string>? _environment;

    public ProvisionCli(string home, IReadOnlyDictionary<string, string>? environment = null)
    {
        Home = home;
        _environment = environment;

        // Each state folder gets its own slice of entry ports: suites running at the same time on this machine (each with
        // its own registries) would otherwise hand out the same free port and race to publish it, and one lane's
        // provision could take the port of the other lane's tenant while an upgrade has its app stopped. Slices go
        // round in order, so homes made in this process at about the same time never share one.
        var config = Path.Combine(home, "provisioner.yaml");
        if (!File.Exists(config))
        {
            var first = 21000 + (Interlocked.Increment(ref _slice) % Slices * 100);
            File.WriteAllText(config, $"ports: {{ first: {first}, last: {first + 99} }}\n");
        }
    }

    public string Home { get; }

    /// <summary>A CLI on the same home with this one's environment plus <paramref name="extra"/> (which wins).</summary>
    public ProvisionCli With(IReadOnlyDictionary<string, string> extra)
    {
        var merged = new Dictionary<string, string>(_environment ?? new Dictionary<string, string>());
        foreach (var (k, v) in extra)
        {
            merged[k] = v;
        }

        return new ProvisionCli(Home, merged);
    }

    public List<CliResult> History { get; } = [];

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var result = new CliResult(process.ExitCode, await stdout, await stderr);
        History.Add(result);
        return result;
    }

    /// <summary>Starts provision without waiting (for kill -9 and lock tests). Output is drained in the background.</summary>
    public Process Start(params string[] args)
    {
        // Through `env --default-signal=INT` (which execs, so the PID is provision's): a suite started from a script's
        // background job inherits SIGINT ignored, and .NET keeps an inherited ignore, so a Ctrl+C test would wait forever.
        var info = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--default-signal=INT");
        if (Binary is not null)
        {
            info.ArgumentList.Add(Binary);
        }
        else
        {
            info.ArgumentList.Add(Dotnet);
            info.ArgumentList.Add(Dll);
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["PROVISIONER_HOME"] = Home;
        info.Environment["PROVISIONER_TEMPLATES"] = RepoPaths.Templates;
        info.Environment["NO_COLOR"] = "1";

        // The catalog holds two products (notes, tracker); most tests are about notes and name no template.
        info.Environment["PROVISIONER_DEFAULT_TEMPLATE"] = "notes";

        // Capacity: tests share a 2-CPU engine with each other (and with other suites), so by default only this home's
        // tenants count and CPUs may be promised 1000x: nothing but the capacity tests, which override these, is refused.
        info.Environment["PROVISIONER_CAPACITY_SCOPE"] = "registry";
        info.Environment["PROVISIONER_CPU_OVERCOMMIT"] = "1000";

        // Probes: the suite runs two lanes of tenants on this engine beside the Swarm suite's cluster, on 2 cores; a
        // tenant's db is weighted by its small CPU request, so an exec'd psql can wait 15 s for the CPU (a ResumeTests
        // monitor window in CI). A probe gets 15 s here (5 s by default); tests of timeouts set their own.
        info.Environment["PROVISIONER_PROBE_TIMEOUT"] = "15s";

        // The edge proxy (on by default: localhost:8443, shared by every home on the engine) is off unless a test turns
        // on an edge of its own (TestEdge: its name and a free port); tests of tenants on their own port run as before.
        info.Environment["PROVISIONER_EDGE"] = "off";
        foreach (var (k, v) in _environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start provision");
    }
}
