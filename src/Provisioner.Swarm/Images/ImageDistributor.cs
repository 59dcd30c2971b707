using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Provisioner.Core.Errors;
using Provisioner.Docker.Engine;

namespace Provisioner.Swarm.Images;

/// <summary>
/// Gets a template's image to every node without a public registry: the image (as built on the source engine) is copied to
/// the manager when the manager lacks that exact image, pushed to the in-cluster registry, and referenced by digest
/// (<c>10.232.0.11:5000/notes-app@sha256:...</c>), so a node never asks anything but that registry and never gets another
/// build than the one checked here. A second call for the same image costs two inspects.
/// </summary>
internal sealed class ImageDistributor(DockerEngine manager, DockerEngine? source, ILogger log)
{
    private const int PushAttempts = 3;
    private readonly ConcurrentDictionary<string, string> _resolved = new(StringComparer.Ordinal);

    public async Task<string> ReferenceAsync(string image, string registry, IProgress<string>? progress, CancellationToken ct)
    {
        if (_resolved.TryGetValue(image, out var known))
        {
            return known;
        }

        var (repository, tag) = Split(image);
        var target = $"{registry}/{repository}";
        var wantedId = source is null ? null : (await InspectAsync(source.Client, image, ct))?.ID;
        var local = await InspectAsync(manager.Client, image, ct);
        if (wantedId is null && local is null)
        {
            throw new ProvisionerException(
                $"image {image} is neither on the image source{(source is null ? "" : $" ({EngineAddress.Display(source.Endpoint)})")} nor on the manager",
                hint: "build it with `make images` (images are built locally, then pushed to the in-cluster registry)");
        }

        wantedId ??= local!.ID;
        var pushed = await InspectAsync(manager.Client, $"{target}:{tag}", ct);
        if (pushed?.ID == wantedId && pushed.RepoDigests?.FirstOrDefault(d => d.StartsWith(target + "@", StringComparison.Ordinal)) is { } digest)
        {
            return _resolved[image] = digest;
        }

        if (local?.ID != wantedId)
        {
            progress?.Report($"copying image {image} to the cluster's manager");
            log.LogInformation("Copying {Image} from the image source to the manager", image);
            await using var tar = await source!.Client.Images.SaveImageAsync(image, ct);
            await manager.Client.Images.LoadImageAsync(new ImageLoadParameters { Quiet = true }, tar, new Ignore(), ct);
        }

        progress?.Report($"pushing image {image} to the cluster registry {registry}");
        await manager.Client.Images.TagImageAsync(image, new ImageTagParameters { RepositoryName = target, Tag = tag }, ct);
        await PushAsync(image, $"{target}:{tag}", tag, registry, ct);

        var after = await InspectAsync(manager.Client, $"{target}:{tag}", ct);
        var reference = after?.RepoDigests?.FirstOrDefault(d => d.StartsWith(target + "@", StringComparison.Ordinal))
            ?? throw new ProvisionerException($"pushed {image} to {registry} but the manager recorded no digest for it");
        log.LogInformation("Pushed {Image} as {Reference}", image, reference);
        return _resolved[image] = reference;
    }

    /// <summary>
    /// Pushes, again after 1 s and 2 s when the registry refused (pushing the same image twice is harmless): two
    /// provisions pushing one image at once can get a 500 from the registry for the layer they both upload.
    /// </summary>
    private async Task PushAsync(string image, string reference, string tag, string registry, CancellationToken ct)
    {
        var pipeline = new ResiliencePipelineBuilder<string?>()
            .AddRetry(new RetryStrategyOptions<string?>
            {
                MaxRetryAttempts = PushAttempts - 1,
                BackoffType = DelayBackoffType.Linear,
                Delay = TimeSpan.FromSeconds(1),
                ShouldHandle = new PredicateBuilder<string?>().HandleResult(error => error is not null),
                OnRetry = a =>
                {
                    log.LogWarning("Pushing {Image} to {Registry} failed ({Error}); attempt {Attempt} of {Attempts} in {Seconds} s",
                        image, registry, a.Outcome.Result, a.AttemptNumber + 2, PushAttempts, a.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        var failure = await pipeline.ExecuteAsync(async token =>
        {
            var errors = new Errors();
            await manager.Client.Images.PushImageAsync(reference, new ImagePushParameters { Tag = tag }, new AuthConfig(), errors, token);
            return errors.First;
        }, ct);
        if (failure is not null)
        {
            throw new ProvisionerException(
                $"pushing {image} to the cluster registry {registry} failed ({PushAttempts} attempts): {failure}", hint: "is the registry service running? `make cluster` checks it");
        }
    }

    /// <summary><c>provisioner/postgres:15</c> → (<c>provisioner/postgres</c>, <c>15</c>); no tag → latest.</summary>
    internal static (string Repository, string Tag) Split(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }

    private static async Task<ImageInspectResponse?> InspectAsync(IDockerClient client, string name, CancellationToken ct)
    {
        try
        {
            return await client.Images.InspectImageAsync(name, ct);
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Synchronous progress that keeps the first error of a push (the engine reports push failures in the stream).</summary>
    private sealed class Errors : IProgress<JSONMessage>
    {
        public string? First { get; private set; }

        public void Report(JSONMessage value) => First ??= value.Error?.Message;
    }

    private sealed class Ignore : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value)
        {
        }
    }
}
