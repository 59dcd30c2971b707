using Provisioner.Core.Data;
using Provisioner.Data.Archive;
using Provisioner.Data.Postgres;

namespace Provisioner.Data;

/// <summary>The data adapters provision ships: <c>postgres</c> and <c>archive</c>.</summary>
internal static class StandardDataAdapters
{
    public static DataAdapters Create() => new([new PostgresDataAdapter(), new ArchiveDataAdapter()]);
}
