using Microsoft.Extensions.Options;

namespace Connector.Host.Webhooks;

/// <summary>Checks <c>Connectors:Webhooks</c> at start-up, naming each bad key.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (options.TimeoutSeconds is < 1 or > 60)
        {
            failures.Add($"{WebhookOptions.Section}:TimeoutSeconds must be between 1 and 60 (got {options.TimeoutSeconds})");
        }

        if (options.MaxAttempts is < 1 or > 50)
        {
            failures.Add($"{WebhookOptions.Section}:MaxAttempts must be between 1 and 50 (got {options.MaxAttempts})");
        }

        if (options.DeliveryLogDays is < 1 or > 3650)
        {
            failures.Add($"{WebhookOptions.Section}:DeliveryLogDays must be between 1 and 3650 (got {options.DeliveryLogDays})");
        }

        if (options.RetryBaseSeconds is < 1 or > 3600)
        {
            failures.Add($"{WebhookOptions.Section}:RetryBaseSeconds must be between 1 and 3600 (got {options.RetryBaseSeconds})");
        }

        if (options.RetryMaxSeconds < options.RetryBaseSeconds || options.RetryMaxSeconds > 86400)
        {
            failures.Add($"{WebhookOptions.Section}:RetryMaxSeconds must be between RetryBaseSeconds and 86400 (got {options.RetryMaxSeconds})");
        }

        if (options.PollSeconds is < 1 or > 3600)
        {
            failures.Add($"{WebhookOptions.Section}:PollSeconds must be between 1 and 3600 (got {options.PollSeconds})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
