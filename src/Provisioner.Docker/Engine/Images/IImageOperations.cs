namespace Provisioner.Docker.Engine;

/// <summary>Local images (<c>/images</c>). There is no registry here: images are built, imported or loaded.</summary>
public interface IImageOperations
{
    /// <summary>One image by reference (<c>name:tag</c>) or id.</summary>
    /// <exception cref="DockerNotFoundException">No such image.</exception>
    Task<ImageInspect> InspectAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Images matching <paramref name="filters"/> (e.g. <c>reference</c>, <c>label</c>); all when null.</summary>
    Task<IReadOnlyList<ImageSummary>> ListAsync(DockerFilters? filters = null, CancellationToken cancellationToken = default);

    /// <summary>Whether the image exists locally.</summary>
    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Exports images (with their tags) as a tar stream, for <see cref="LoadAsync"/> on another engine.
    /// The caller disposes the stream; reading it is bounded only by the caller's token.
    /// </summary>
    Task<Stream> SaveAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default);

    /// <summary>Loads images from a tar stream made by <see cref="SaveAsync"/>; returns the engine's "Loaded image" names.</summary>
    /// <exception cref="DockerApiException">The engine rejected the archive.</exception>
    Task<IReadOnlyList<string>> LoadAsync(Stream imagesTar, CancellationToken cancellationToken = default);
}
