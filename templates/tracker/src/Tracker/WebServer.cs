using Npgsql;
using Tracker.Redis;

namespace Tracker;

/// <summary><c>tracker web</c>: the HTTP API. Never migrates; <c>/readyz</c> says when <c>tracker migrate</c> is needed.</summary>
internal static class WebServer
{
    public static async Task RunAsync(TrackerSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://0.0.0.0:{settings.ListenPort}");
        builder.Logging.ClearProviders()
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
            });

        var features = SchemaFeatures.Current;
        var dataSource = Database.Create(settings, "web");
        var queue = new RedisLink(settings.RedisHost, settings.RedisPort);
        var uploads = new Uploads(settings.Uploads);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSingleton(queue);
        builder.Services.AddSingleton(uploads);
        builder.Services.AddSingleton(new ItemStore(dataSource, features));
        builder.Services.AddSingleton<ItemService>();
        builder.Services.AddSingleton(new Readiness(dataSource, queue, uploads, features));

        await using var app = builder.Build();
        app.Use(BackendErrorsAsServiceUnavailable);
        TrackerApi.Map(app, settings, features);
        app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(
            $"tracker {AppVersion.Current} web listening on http://0.0.0.0:{settings.ListenPort} (schema {features.Schema}, database {settings.DbUser}@{settings.DbHost}:{settings.DbPort}/{settings.DbName}, queue {queue.Endpoint}, uploads {settings.Uploads})"));
        await app.RunAsync().ConfigureAwait(false);
    }

    // The database (or the password file) or the uploads volume failing is the service being unavailable, not a bug.
    private static async Task BackendErrorsAsServiceUnavailable(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or UploadsException && !context.Response.HasStarted)
        {
            var what = e is UploadsException ? "uploads unavailable" : "database unavailable";
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Tracker")
                .LogWarning("{Method} {Path} failed: {Error}", context.Request.Method, context.Request.Path, Errors.Describe(e));
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new { error = what }).ConfigureAwait(false);
        }
    }
}
