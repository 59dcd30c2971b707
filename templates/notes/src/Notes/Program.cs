using Notes;

// notes            serve the HTTP API (never migrates)
// notes migrate    apply pending schema migrations, then exit (0 ok, 1 failed)
NotesSettings settings;
try
{
    settings = NotesSettings.FromEnvironment();
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"notes: {e.Message}");
    return 2;
}

switch (args)
{
    case []:
        await NotesServer.RunAsync(settings).ConfigureAwait(false);
        return 0;
    case ["migrate"]:
        return await MigrateCommand.RunAsync(settings, CancellationToken.None).ConfigureAwait(false);
    default:
        Console.Error.WriteLine("usage: notes [migrate]");
        return 2;
}
