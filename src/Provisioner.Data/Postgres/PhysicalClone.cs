using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Provisioner.Core.Backends;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;

namespace Provisioner.Data.Postgres;

/// <summary>
/// A clone's copy of a whole PostgreSQL cluster, file by file, beside the destination's live cluster: on one engine
/// <c>pg_basebackup</c> writes it into the source's own volume (online: the source keeps serving; verified there against its
/// manifest, while the destination is still being provisioned) and a helper with both volumes moves it across; otherwise its
/// tar streams from the source's component through this process into the destination's and is verified there. The copy is
/// then started by a private server of its own that replays its WAL, given the destination's own login hashes (a physical
/// copy carries the source's: they are replaced, and any other login's password removed), masked, and stopped cleanly.
/// Only the swap, with the component stopped, replaces the destination's cluster by a rename.
/// </summary>
internal sealed class PhysicalClone
{
    private const int PipeBytes = 8 << 20;

    /// <summary>One volume (the cluster's, PGDATA inside it) and the image's own PGDATA.</summary>
    public static bool CanCopy(ComponentSpec component) =>
        component.Volumes.Count == 1 && !component.Env.ContainsKey("PGDATA");

    public async Task<DirectCopy> StageAsync(DataTarget source, DataTarget destination, MaskSpec? mask, CancellationToken ct)
    {
        var mode = mask is null ? "exact" : "masked";
        if ((await RunAsync(destination, PhysicalCloneScripts.Prepare(mode), null, "prepare the copy", ct)).Trim() == "complete")
        {
            await DiscardSourceAsync(source, destination.Tenant);
            return new DirectCopy(0, "", Reused: true);
        }

        try
        {
            var own = await LoginHashesAsync(destination, ct);
            string[] verified;
            if (SameEngine(source, destination) is { } pairs)
            {
                verified = (await CarryAsync(pairs, source, destination, ct)).Split(' ');
            }
            else
            {
                await TransferAsync(source, destination, ct);
                verified = (await RunAsync(destination, PhysicalCloneScripts.Verify(), null, "verify the copy against its manifest", ct)).Trim().Split(' ');
            }

            await RunAsync(destination, PhysicalCloneScripts.StartPrivate(), null, "start the copy's own server", ct);
            using (var sql = new MemoryStream(Encoding.UTF8.GetBytes(ResetLoginsSql(own))))
            {
                await RunAsync(destination, ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", PhysicalCloneScripts.Socket, "-d", "postgres"], sql, "give the copy the clone's own logins", ct);
            }

            if (mask is not null)
            {
                var psql = new PostgresCommands(destination);
                await psql.MaskAsync(mask, psql.Database, PhysicalCloneScripts.Socket, ct);
            }

            await RunAsync(destination, PhysicalCloneScripts.Finish(mode), null, "stop the copy's own server", ct);
            return new DirectCopy(long.Parse(verified[0], CultureInfo.InvariantCulture), verified[1], Reused: false);
        }
        catch (Exception e) when (e is ProvisionerException or OperationCanceledException)
        {
            await DiscardAsync(destination, CancellationToken.None);
            throw e is ProvisionerException p
                ? new ProvisionerException($"{p.Message}; {destination.Tenant}'s live data was left as it is", p.ExitCode, p.Hint, e)
                : e;
        }
    }

    public async Task SwapAsync(DataTarget destination, CancellationToken ct)
    {
        var access = destination.Backend.Require<IVolumeAccess>("mount a tenant's volume to swap a cloned database in");
        var (volume, mount) = destination.Component.Volumes.Single();
        var result = await access.RunWithVolumeAsync(
            destination.Tenant, destination.Component.Image, StampNames.Volume(destination.Tenant, destination.Component.Name, volume), mount,
            PhysicalCloneScripts.Swap(), null, null, ct);
        if (!result.Succeeded)
        {
            throw new ProvisionerException($"swapping the copy into {destination} failed (exit {result.ExitCode}): {PostgresCommands.Tail(result.Stderr)}");
        }

        if (result.Stdout.Trim() != "swapped")
        {
            throw new ProvisionerException($"{destination} has no staged copy to swap in", hint: "run the clone again: it copies the data again");
        }
    }

    public async Task DiscardAsync(DataTarget destination, CancellationToken ct)
    {
        try
        {
            await RunAsync(destination, PhysicalCloneScripts.Discard(), null, "discard the copy", ct);
        }
        catch (ProvisionerException)
        {
            // left for the next clone, which starts by clearing it
        }
    }

    /// <summary>The destination's own logins and their password hashes, as its server created them from its own secrets.</summary>
    private static async Task<IReadOnlyList<(string Role, string Hash)>> LoginHashesAsync(DataTarget destination, CancellationToken ct)
    {
        var psql = new PostgresCommands(destination);
        var rows = await psql.QueryAsync("postgres", "select rolname || '|' || rolpassword from pg_authid where rolpassword is not null order by rolname", ct);
        return rows.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => (line[..line.LastIndexOf('|')], line[(line.LastIndexOf('|') + 1)..]))
            .ToList();
    }

    /// <summary>
    /// Every login of the copy that the destination has gets the destination's hash; every other login that has a password
    /// loses it (the source's password must open nothing in the clone).
    /// </summary>
    public static string ResetLoginsSql(IReadOnlyList<(string Role, string Hash)> own)
    {
        var values = own.Count == 0
            ? "(select null::text as name, null::text as pw where false)"
            : "(values " + string.Join(", ", own.Select(o => $"(text {PostgresCommands.Literal(o.Role)}, text {PostgresCommands.Literal(o.Hash)})")) + ")";
        return $"""
            do $provision$
            declare r record;
            begin
              for r in select a.rolname, n.pw from pg_authid a left join {values} n(name, pw) on n.name = a.rolname
                       where a.rolpassword is not null or n.pw is not null loop
                execute format('alter role %I password %L', r.rolname, r.pw);
              end loop;
            end
            $provision$;
            """;
    }

    /// <summary>
    /// Same engine: the source's copy is written and verified in its own volume (<see cref="PrepareSourceAsync"/>), which
    /// can run while the destination is still being provisioned.
    /// </summary>
    public async Task PrepareSourceAsync(DataTarget source, string destination, CancellationToken ct)
    {
        if (source.Backend is IVolumePairs)
        {
            await RunAsync(source, PhysicalCloneScripts.SendToVolume(Outgoing(source, destination)), null, "pg_basebackup into its volume", ct);
        }
    }

    /// <summary>Removes the source's outgoing copy for <paramref name="destination"/>, if any.</summary>
    public async Task DiscardSourceAsync(DataTarget source, string destination)
    {
        if (source.Backend is IVolumePairs)
        {
            try
            {
                await RunAsync(source, PhysicalCloneScripts.RemoveOutgoing(Outgoing(source, destination)), null, "remove the outgoing copy", CancellationToken.None);
            }
            catch (ProvisionerException)
            {
                // the next clone from the source clears it
            }
        }
    }

    private static IVolumePairs? SameEngine(DataTarget source, DataTarget destination) =>
        destination.Backend is IVolumePairs pairs && ReferenceEquals(source.Backend, destination.Backend) ? pairs : null;

    private static string Outgoing(DataTarget source, string destination) =>
        $"{source.Component.Volumes.Single().Value}/{PhysicalCloneScripts.Outgoing(destination)}";

    /// <summary>
    /// Both tenants' volumes on one engine: a helper with both mounted moves the source's ready copy into the destination's
    /// volume at file-copy speed (an exec's output stream runs at about 100 MB/s through the engine); when none is ready
    /// (not prepared, or a rerun), it is made first. Returns "size checksum".
    /// </summary>
    private async Task<string> CarryAsync(IVolumePairs pairs, DataTarget source, DataTarget destination, CancellationToken ct)
    {
        const string SourceMount = "/provision-source";
        var (sourceVolume, _) = source.Component.Volumes.Single();
        var (destinationVolume, destinationMount) = destination.Component.Volumes.Single();
        var outgoing = PhysicalCloneScripts.Outgoing(destination.Tenant);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var carried = await pairs.RunWithVolumesAsync(
                    destination.Tenant, destination.Component.Image,
                    [
                        new HelperMount(StampNames.Volume(source.Tenant, source.Component.Name, sourceVolume), SourceMount),
                        new HelperMount(StampNames.Volume(destination.Tenant, destination.Component.Name, destinationVolume), destinationMount),
                    ],
                    PhysicalCloneScripts.Carry($"{SourceMount}/{outgoing}"), ct);
                if (!carried.Succeeded)
                {
                    throw new ProvisionerException(
                        $"copying {source}'s files into {destination.Tenant}'s volume failed (exit {carried.ExitCode}): {PostgresCommands.Tail(carried.Stderr)}",
                        hint: "check the free disk space of the engine");
                }

                if (carried.Stdout.Trim() != "missing")
                {
                    return carried.Stdout.Trim();
                }

                if (attempt > 0)
                {
                    throw new ProvisionerException($"{source}'s copy for {destination.Tenant} vanished before it was carried over", hint: "run the clone again");
                }

                await PrepareSourceAsync(source, destination.Tenant, ct);
            }
        }
        catch (Exception e) when (e is ProvisionerException or OperationCanceledException)
        {
            await DiscardSourceAsync(source, destination.Tenant);
            throw;
        }
    }

    /// <summary>pg_basebackup's tar from the source straight into tar in the destination, through a bounded pipe.</summary>
    private static async Task TransferAsync(DataTarget source, DataTarget destination, CancellationToken ct)
    {
        var from = source.Backend.Require<IComponentStreams>("stream a database out of a component (clone)");
        var to = destination.Backend.Require<IComponentStreams>("stream a database into a component (clone)");
        var user = new PostgresCommands(source).User;
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PipeBytes, resumeWriterThreshold: PipeBytes / 2));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);

        async Task<CommandResult> SendAsync()
        {
            try
            {
                await using var output = pipe.Writer.AsStream();
                return await from.ExecToStreamAsync(source.Tenant, source.Component.Name, PhysicalCloneScripts.Send, user, output, cts.Token);
            }
            catch
            {
                await cts.CancelAsync();
                throw;
            }
            finally
            {
                await pipe.Writer.CompleteAsync();
            }
        }

        async Task<CommandResult> ReceiveAsync()
        {
            try
            {
                await using var input = pipe.Reader.AsStream();
                var received = await to.ExecWithInputAsync(destination.Tenant, destination.Component.Name, PhysicalCloneScripts.Receive(), new PostgresCommands(destination).User, input, cts.Token);
                if (!received.Succeeded)
                {
                    await cts.CancelAsync();
                }

                return received;
            }
            catch
            {
                await cts.CancelAsync();
                throw;
            }
            finally
            {
                await pipe.Reader.CompleteAsync();
            }
        }

        var sending = SendAsync();
        var receiving = ReceiveAsync();
        try
        {
            await Task.WhenAll(sending, receiving);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // one side failed and stopped the other: its result (below) says why
        }

        var sent = sending.IsCompletedSuccessfully ? sending.Result : null;
        var got = receiving.IsCompletedSuccessfully ? receiving.Result : null;
        if (sent is not { Succeeded: true })
        {
            throw new ProvisionerException(
                $"pg_basebackup in {source} failed{(sent is null ? "" : $" (exit {sent.ExitCode}): {PostgresCommands.Tail(sent.Stderr)}")}",
                hint: "the source was not changed; on a cluster the copy fetches the source's WAL at its end, and a source that wrote more than it keeps (max_wal_size) meanwhile fails this way: run the clone again when it writes less (see the source's database log)");
        }

        if (got is not { Succeeded: true })
        {
            throw new ProvisionerException(
                $"unpacking the copy in {destination} failed{(got is null ? "" : $" (exit {got.ExitCode}): {PostgresCommands.Tail(got.Stderr)}")}",
                hint: "check the free disk space of the clone's engine");
        }
    }

    private static Task<string> RunAsync(DataTarget target, IReadOnlyList<string> command, Stream? stdin, string what, CancellationToken ct) =>
        new PostgresCommands(target).RunAsync(command, what, ct, stdin);
}
