using Tracker;

// tracker web            serve the HTTP API (never migrates)
// tracker worker         process jobs from Redis until SIGTERM
// tracker check-worker   the worker's health check: exit 0 when its heartbeat is fresh
// tracker migrate        apply pending schema migrations, then exit (0 ok, 1 failed)
TrackerSettings settings;
try
{
    settings = TrackerSettings.FromEnvironment();
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"tracker: {e.Message}");
    return 2;
}

switch (args)
{
    case ["web"]:
        await WebServer.RunAsync(settings).ConfigureAwait(false);
        return 0;
    case ["worker"]:
        return await WorkerCommand.RunAsync(settings).ConfigureAwait(false);
    case ["check-worker"]:
        return await CheckWorkerCommand.RunAsync(settings).ConfigureAwait(false);
    case ["migrate"]:
        return await MigrateCommand.RunAsync(settings, CancellationToken.None).ConfigureAwait(false);
    case ["version"] or ["--version"]:
        Console.WriteLine($"tracker {AppVersion.Current} (schema {SchemaFeatures.Current.Schema})");
        return 0;
    default:
        Console.Error.WriteLine("usage: tracker web | worker | check-worker | migrate | version");
        return 2;
}
