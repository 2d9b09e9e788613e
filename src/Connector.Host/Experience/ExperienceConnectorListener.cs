using Connector.Host.Connectors;
using Npgsql;

namespace Connector.Host.Experience;

/// <summary>New connectors are shown, at the end of the buttons; deleted ones leave the list.</summary>
internal sealed class ExperienceConnectorListener(ExperienceReader reader) : IConnectorLifecycleListener
{
    public async Task CreatedAsync(string connectorId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await ExperienceStore.AppendAsync(connection, transaction, connectorId, ct);
        reader.Forget();
    }

    public async Task DeletedAsync(string connectorId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await ExperienceStore.RemoveAsync(connection, transaction, connectorId, ct);
        reader.Forget();
    }
}
