namespace Provisioner.Core.Health;

/// <summary>A synthetic customer journey against a tenant's endpoint, e.g. write a note and read it back.</summary>
public interface IJourney
{
    string Name { get; }

    /// <summary>Runs the journey once; returns what it did on success, throws <see cref="JourneyFailedException"/> with what went wrong otherwise.</summary>
    Task<string> RunAsync(HttpClient http, Uri endpoint, CancellationToken ct);
}
