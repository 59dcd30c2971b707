using System.Text.Json.Serialization;
using Npgsql;

namespace Notes;

/// <summary>Serving mode: the HTTP API. Never migrates; <c>/readyz</c> says when <c>notes migrate</c> is needed.</summary>
internal static class NotesServer
{
    public static async Task RunAsync(NotesSettings settings)
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
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);

        var expectedSchema = Schema.ExpectedVersion(AppVersion.Current);
        var dataSource = Database.Create(settings);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSingleton(new NoteStore(dataSource, hasTitle: expectedSchema >= 2));
        builder.Services.AddSingleton(new Readiness(dataSource, expectedSchema));

        await using var app = builder.Build();
        app.Use(DatabaseErrorsAsServiceUnavailable);
        NotesApi.Map(app, expectedSchema);
        app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(
            $"notes {AppVersion.Current} listening on http://0.0.0.0:{settings.ListenPort} (schema {expectedSchema}, database {settings.DbUser}@{settings.DbHost}:{settings.DbPort}/{settings.DbName})"));
        await app.RunAsync().ConfigureAwait(false);
    }

    private static async Task DatabaseErrorsAsServiceUnavailable(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Notes")
                .LogWarning("{Method} {Path} failed: {Error}", context.Request.Method, context.Request.Path, Errors.Describe(e));
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new { error = "database unavailable" }).ConfigureAwait(false);
        }
    }
}
