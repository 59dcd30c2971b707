using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Provisioner;

/// <summary>
/// The one way in: settings in, one <see cref="IProvisioner"/> out. The CLI is built on exactly this.
/// <code>
/// using var provisioner = new ProvisionerBuilder(new ProvisionerSettings { Home = "/var/lib/provisioner", Templates = "templates" }).Build();
/// var result = await provisioner.ProvisionAsync(new ProvisionRequest("acme", Template: "shop"));
/// </code>
/// </summary>
public sealed class ProvisionerBuilder(ProvisionerSettings settings)
{
    private ILoggerFactory _loggers = NullLoggerFactory.Instance;

    private TimeProvider _time = TimeProvider.System;

    /// <summary>Where its structured logs go (properties: Tenant, Operation, Step, Backend). Default: nowhere.</summary>
    public ProvisionerBuilder WithLogging(ILoggerFactory loggers)
    {
        _loggers = loggers;
        return this;
    }

    /// <summary>The clock for deadlines and timestamps. Default: the system clock.</summary>
    public ProvisionerBuilder WithTimeProvider(TimeProvider time)
    {
        _time = time;
        return this;
    }

    /// <summary>Validates the settings (every problem at once) and composes the services. Nothing is contacted until first use.</summary>
    public IProvisioner Build()
    {
        settings.Validate();
        HomeFolder.Secure(settings.Home);
        return new ProvisionerFacade(new Composition.Services(settings, _loggers, _time));
    }
}
