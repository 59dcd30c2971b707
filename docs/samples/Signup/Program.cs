using Provisioner;
using Provisioner.Core.Capacity;
using Provisioner.Core.Provisioning;

// usage: Signup TEMPLATES_FOLDER CUSTOMER HOME
var settings = new ProvisionerSettings
{
    Templates = args[0],                                        // <product>/<version>/template.yaml
    Home = args[2],                                             // this program's registry, keys and backups
    Capacity = new CapacityOptions { Scope = CapacityScope.Registry }, // count the tenants this registry placed
};
using var provisioner = new ProvisionerBuilder(settings).Build();
var result = await provisioner.ProvisionAsync(new ProvisionRequest(args[1], Template: "notes"), new Progress<string>(Console.WriteLine));
Console.WriteLine($"{result.Tenant.Name} is {result.Tenant.Status} at {result.Tenant.Endpoint}: {result.Health!.Checks.Count} checks passed");
await provisioner.DestroyAsync(args[1], deleteData: true);
Console.WriteLine($"{args[1]} destroyed");
