using Provisioner.Core.Capacity;
using Provisioner.Docker.Capacity;
using Provisioner.Registry;

namespace Provisioner.Cli.Hosting;

/// <summary>The capacity part of the composition root: the live (engine) or registry inventory, the history, the admission check.</summary>
internal static class CapacityComposition
{
    public static CapacityOptions CapacityOptions(this CliServices services) => CapacitySetup.Options(services.Config);

    public static ICapacityInventory LiveInventory(this CliServices services, CapacityOptions options) => new LiveInventory(
        new DockerHostObserver(services.Docker, services.Backend.Host, services.Logger<DockerHostObserver>()),
        services.Registry, new TenantSizes(services.Templates), options);

    public static ICapacityInventory RegistryInventory(this CliServices services) =>
        new RegistryInventory(RegistryFactory.CreateTenantCounts(services.Home), RegistryFactory.CreateCapacityHistory(services.Home), new TenantSizes(services.Templates));

    public static CapacityService Capacity(this CliServices services, bool fromRegistry)
    {
        var options = services.CapacityOptions();
        return new CapacityService(
            fromRegistry ? services.RegistryInventory() : services.LiveInventory(options),
            RegistryFactory.CreateCapacityHistory(services.Home), services.Templates, options, services.Options.DefaultTemplate,
            TimeProvider.System, services.Logger<CapacityService>());
    }

    public static CapacityAdmission CapacityAdmission(this CliServices services)
    {
        var options = services.CapacityOptions();
        return new CapacityAdmission(services.LiveInventory(options), services.Locks, options, TimeProvider.System, services.Logger<CapacityAdmission>());
    }
}
