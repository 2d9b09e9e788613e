namespace Connector.Host.Webhooks;

/// <summary>A webhook as the operator asked for it, checked; what a create inserts and a patch writes.</summary>
internal sealed record WebhookDraft(string Url, string[] Events, bool Enabled);
