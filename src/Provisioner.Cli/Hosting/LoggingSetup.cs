using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Provisioner.Cli.Hosting;

/// <summary>
/// Serilog: human lines on stderr with --verbose and a JSON-lines file per day under
/// <c>$PROVISIONER_HOME/logs</c> carrying Tenant and Operation properties. Secrets are never passed to a logger.
/// </summary>
internal static class LoggingSetup
{
    public static Serilog.Core.Logger Create(string home, bool verbose)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .Enrich.FromLogContext();
        if (verbose)
        {
            // Without --verbose the CLI renders progress and errors itself; the log file always has everything.
            config = config.WriteTo.Console(
                outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose);
        }

        return config.WriteTo.File(
                new JsonFormatter(renderMessage: true),
                Path.Combine(home, "logs", "provision-.jsonl"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                restrictedToMinimumLevel: LogEventLevel.Information,
                shared: true)
            .CreateLogger();
    }
}
