namespace Provisioner.Docker.Edge;

/// <summary>The operator's certificate (with its intermediates) and key, as PEM text, for the edge's configuration.</summary>
internal sealed record EdgePem(string Certificate, string Key);
