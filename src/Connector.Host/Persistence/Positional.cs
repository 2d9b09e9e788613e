using Npgsql;

namespace Connector.Host.Persistence;

/// <summary>
/// Statements with positional parameters (<c>$1</c>, <c>$2</c>…), which Npgsql sends as written. Named parameters make
/// it parse a command's whole text on every execution, to rewrite them and split the statements; for the sign-in's
/// long statements that parse was 4 % of the host's CPU (docs/benchmarks/round-two-profile.md), so the sign-in path's
/// statements take this form and the rest stay on Dapper's named parameters. A batch command holds one statement, so a
/// transaction is commands of its own around it, in the same round trip.
/// </summary>
internal static class Positional
{
    /// <summary>A parameter typed by <typeparamref name="T"/>, so that even its null names a type to PostgreSQL.</summary>
    public static NpgsqlParameter<T> Value<T>(T value) => new() { TypedValue = value };

    public static NpgsqlBatchCommand Command(string sql, params ReadOnlySpan<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>The commands in one round trip, inside <paramref name="transaction"/> when there is one.</summary>
    public static NpgsqlBatch Batch(NpgsqlConnection connection, NpgsqlTransaction? transaction, params ReadOnlySpan<NpgsqlBatchCommand> commands)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    /// <summary>
    /// The command in a transaction of its own that commits without waiting for the WAL flush
    /// (<c>synchronous_commit</c> off for this transaction only): for writes whose loss in a server crash costs a retry,
    /// not a security property.
    /// </summary>
    public static NpgsqlBatch Unflushed(NpgsqlConnection connection, NpgsqlBatchCommand command) =>
        Batch(connection, null, new("BEGIN"), new("SET LOCAL synchronous_commit TO OFF"), command, new("COMMIT"));
}
