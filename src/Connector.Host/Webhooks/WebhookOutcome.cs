using Connector.Host.Problems;

namespace Connector.Host.Webhooks;

/// <summary>What an operator's change to a webhook came to; expected outcomes are values, not exceptions.</summary>
internal abstract record WebhookOutcome
{
    /// <param name="SigningKey">Set only by a create: the one time the key is shown.</param>
    public sealed record Saved(WebhookRow Row, string? SigningKey = null) : WebhookOutcome;

    public sealed record Deleted : WebhookOutcome;

    public sealed record Invalid(FieldErrors Errors) : WebhookOutcome;

    public sealed record NotFound : WebhookOutcome;

    /// <summary>Another writer changed the webhook between our read and our write.</summary>
    public sealed record Concurrent : WebhookOutcome;
}
