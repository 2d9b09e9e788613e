using Microsoft.Extensions.Options;
using Npgsql;

namespace Connector.Host.Configuration;

/// <summary>Fails the start when <c>ConnectionStrings:Connectors</c> is missing or unparsable (never echoing its value: it may hold a password).</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "ConnectionStrings:Connectors is missing: set a PostgreSQL connection string (environment ConnectionStrings__Connectors).");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:Connectors is not a valid PostgreSQL connection string: {ex.Message}");
        }
    }
}
