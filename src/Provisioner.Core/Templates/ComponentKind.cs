namespace Provisioner.Core.Templates;

/// <summary>What a long-running component is for.</summary>
public enum ComponentKind
{
    /// <summary>Serves requests (a web app, a database, a queue), with or without a port.</summary>
    Service,

    /// <summary>Works in the background (takes jobs from a queue); has no port and serves no requests.</summary>
    Worker,
}
