namespace Provisioner.Core.Templates.Journeys;

/// <summary>
/// One request of a journey and what its response must show. <see cref="Path"/>, <see cref="Body"/> and expected values may
/// use <c>${name}</c>: <c>${random}</c> (fresh each run), <c>${tenant.name}</c>, and values captured by earlier steps.
/// With <see cref="Until"/>, the request is repeated until the JSON field has the value, for at most <see cref="Within"/>
/// (waiting for asynchronous work, such as a worker processing what the web app queued).
/// </summary>
public sealed record JourneyStep(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    string? ContentType,
    int ExpectStatus,
    IReadOnlyDictionary<string, string> ExpectJson,
    string? ExpectBody,
    string? ExpectContains,
    IReadOnlyDictionary<string, string> Capture,
    (string Path, string Value)? Until,
    TimeSpan Within)
{
    public string Describe => $"{Method} {Path}";
}
