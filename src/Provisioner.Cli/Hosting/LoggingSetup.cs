using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Provisioner.Cli.Hosting;

/// <summary>
/// Serilog: human lines on stderr with --verbose, and a CLEF file per day (one compact JSON event per line,
/// <c>$PROVISIONER_HOME/logs/provision-YYYYMMDD.clef</c>) carrying the Tenant, Operation, Step and Backend properties
/// that Core's log scopes set where they are known. Only the owner may read the logs (the folder 0700, the file 0600).
/// Secrets are never passed to a logger.
/// </summary>
internal static class LoggingSetup
{
    public static Serilog.Core.Logger Create(string home, bool verbose, TimeProvider time)
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

        var folder = Path.Combine(home, "logs");
        OwnerOnlyLogFile.Prepare(folder, $"provision-{time.GetLocalNow():yyyyMMdd}.clef");

        // shared: several provision processes append to the same day's file. (The sink's file hooks do not work with
        // shared files, so OwnerOnlyLogFile creates today's file first, and the 0700 folder covers a file rolled later.)
        return config.WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(folder, "provision-.clef"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                restrictedToMinimumLevel: LogEventLevel.Information,
                shared: true)
            .CreateLogger();
    }
}
