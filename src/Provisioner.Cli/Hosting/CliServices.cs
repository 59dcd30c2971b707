using Serilog.Extensions.Logging;

namespace Provisioner.Cli.Hosting;

/// <summary>
/// What a command gets: the library's <see cref="IProvisioner"/>, built from provisioner.yaml, the environment and the
/// defaults by <see cref="SettingsFromConfig"/>, with Serilog behind it. Built per invocation; nothing is contacted until used.
/// </summary>
internal sealed class CliServices : IDisposable
{
    private readonly Serilog.Core.Logger _serilog;
    private readonly SerilogLoggerFactory _loggers;

    public CliServices(string? configPath, bool verbose)
    {
        Home = CliPaths.Home();
        Config = ConfigLoader.Load(configPath, Home);
        var settings = SettingsFromConfig.Build(Config, Home);
        Directory.CreateDirectory(Home); // made 0700 (or tightened) by ProvisionerBuilder.Build below
        _serilog = LoggingSetup.Create(Home, verbose, TimeProvider.System);
        _loggers = new SerilogLoggerFactory(_serilog);
        Time = TestClock.FromEnvironment();
        Provisioner = new ProvisionerBuilder(settings).WithLogging(_loggers).WithTimeProvider(Time).Build();
    }

    /// <summary>The clock the library was given (the system's, or <see cref="TestClock"/> in tests): "now" for time left.</summary>
    public TimeProvider Time { get; }

    public string Home { get; }

    public ProvisionerConfig Config { get; }

    public IProvisioner Provisioner { get; }

    public void Dispose()
    {
        Provisioner.Dispose();
        _loggers.Dispose();
        _serilog.Dispose();
    }
}
