using Connector.Host.Problems;

namespace Connector.Host.Connectors.Api;

/// <summary>What a <c>PATCH</c> came to; expected outcomes are values, not exceptions.</summary>
internal abstract record PatchResult
{
    public sealed record Updated(ConnectorRow Row) : PatchResult;

    public sealed record Invalid(FieldErrors Errors) : PatchResult;

    public sealed record NotFound : PatchResult;

    /// <summary>Another writer changed the connector between our read and our write.</summary>
    public sealed record Concurrent : PatchResult;
}
