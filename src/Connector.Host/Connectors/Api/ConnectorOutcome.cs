using Connector.Host.Problems;

namespace Connector.Host.Connectors.Api;

/// <summary>What a change to a connector came to, for the admin API and the console alike; expected outcomes are values, not exceptions.</summary>
internal abstract record ConnectorOutcome
{
    public sealed record Saved(ConnectorRow Row) : ConnectorOutcome;

    public sealed record Invalid(FieldErrors Errors) : ConnectorOutcome;

    public sealed record NotFound : ConnectorOutcome;

    /// <summary>The id asked for is taken (<see cref="Message"/> says how to go on).</summary>
    public sealed record Taken(string Message) : ConnectorOutcome;

    /// <summary>Another writer changed the connector between our read and our write.</summary>
    public sealed record Concurrent : ConnectorOutcome;
}
