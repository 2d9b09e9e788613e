namespace Connector.Host.Configuration;

/// <summary>The PostgreSQL connection string, from <c>ConnectionStrings:Connectors</c>.</summary>
internal sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Connectors";

    public string? ConnectionString { get; set; }
}
